package dev.tlsconsole.policy.option;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SecurityOptionTests {

    @ParameterizedTest(name = "{0}={1} is valid")
    @CsvSource(delimiter = '|', textBlock = """
            tls                   | 0
            tls                   | 1
            tls-mutual            | 1
            client-auth           | 0
            sec-protocol          | SSLv23
            sec-protocol          | TLSv1
            sec-protocol          | TLSv13
            sec-protocol          | ''
            tls-target-name-check | no
            tls-target-name-check | host
            certificate           | 0123456789abcdef0123456789abcdef01234567
            certificate           | /opt/certs/leaf.pem,/opt/certs/inter.pem
            trusted-ca            | /opt/certs/ca.pem
            tls-crl               | /opt/certs/ca.crl
            tls-target-name       | cfg-host-1.example.com
            cipher-list           | ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256
            port                  | anything; at all
            """)
    void acceptsValidValuesAndUnknownKeys(String key, String value) {
        assertThat(SecurityOption.validate(key, value)).isEmpty();
    }

    static List<Arguments> invalid() {
        return List.of(
                Arguments.of("tls", "yes", "tls must be 0 or 1, not 'yes'"),
                Arguments.of("tls", "", "tls must be 0 or 1, not ''"),
                Arguments.of("tls-mutual", "2", "tls-mutual must be 0 or 1, not '2'"),
                Arguments.of("client-auth", "true", "client-auth must be 0 or 1, not 'true'"),
                Arguments.of("sec-protocol", "TLSv1.2", "sec-protocol must be one of SSLv23, SSLv3, TLSv1, TLSv11, TLSv12, TLSv13, or empty, not 'TLSv1.2' (did you mean 'TLSv12'?)"),
                Arguments.of("sec-protocol", "tls1.3", "sec-protocol must be one of SSLv23, SSLv3, TLSv1, TLSv11, TLSv12, TLSv13, or empty, not 'tls1.3'"),
                Arguments.of("tls-target-name-check", "HOST", "tls-target-name-check must be no or host, not 'HOST' (did you mean 'host'?)"),
                Arguments.of("certificate", "/a.pem;tls=1", "certificate must not contain ';' (it separates transport parameters): '/a.pem;tls=1'"),
                Arguments.of("trusted-ca", "/a\n.pem", "trusted-ca must not contain line breaks, tabs or other control characters"),
                Arguments.of("tls-target-name", "cfg host", "tls-target-name must be a host name without spaces, not 'cfg host'"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalid")
    void rejectsInvalidValuesNamingTheValidOnes(String key, String value, String message) {
        assertThat(SecurityOption.validate(key, value)).contains(message);
    }

    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({
            "CONNECTION, tls-mutual", "PORT, client-auth", "PORT, tls-target-name-check", "PORT, tls-target-name"})
    void refusesOptionsAtLevelsGenesysDoesNotReadThem(Level level, String key) {
        SecurityOption option = SecurityOption.fromKey(key).orElseThrow();

        assertThat(SecurityOption.validate(level, key, option.defaultValue())).get().asString()
                .startsWith(key + " cannot be set " + Levels.at(level) + ": it is read only ");
        assertThat(SecurityOption.validate(level, "address", "x")).isEmpty();
    }

    @Test
    void levelProblemListsWhereTheOptionIsRead() {
        assertThat(SecurityOption.CLIENT_AUTH.levelProblem(Level.PORT)).isEqualTo(
                "client-auth cannot be set on a port transport: it is read only on a connection transport, "
                        + "in an application's [security] section, in an application's annex [security] section, "
                        + "in a host's annex [security] section");
    }

    @ParameterizedTest
    @EnumSource(SecurityOption.class)
    void everyOptionHasHelpAndAValidDefault(SecurityOption option) {
        assertThat(option.help()).endsWith(".").hasSizeGreaterThan(30);
        assertThat(option.check(option.defaultValue())).isEmpty();
        assertThat(SecurityOption.fromKey(option.key())).contains(option);
        assertThat(option.levels()).isNotEmpty();
    }

    @Test
    void defaultsFollowTheGenesysReference() {
        assertThat(Arrays.stream(SecurityOption.values()).map(o -> o.key() + "=" + o.defaultValue())).containsExactly(
                "tls=0", "tls-mutual=0", "client-auth=1", "sec-protocol=", "certificate=", "certificate-key=",
                "trusted-ca=", "tls-crl=", "tls-target-name-check=no", "tls-target-name=", "cipher-list=",
                "provider=", "fips140-enabled=", "tls-version=", "protocol-list=");
        assertThat(SecurityOption.SEC_PROTOCOL.validValues()).containsExactly("SSLv23", "SSLv3", "TLSv1", "TLSv11", "TLSv12", "TLSv13");
        assertThat(SecurityOption.CERTIFICATE.validValues()).isEmpty();
    }

    @Test
    void onlyCertificateKeyAndCaFormTheCertificateBlock() {
        assertThat(Arrays.stream(SecurityOption.values()).filter(SecurityOption::inCertificateBlock))
                .containsExactly(SecurityOption.CERTIFICATE, SecurityOption.CERTIFICATE_KEY, SecurityOption.TRUSTED_CA);
    }
}
