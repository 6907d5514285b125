package dev.tlsconsole.policy.option;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionSpellingTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "tls-mutal, tls-mutual", "TLS, tls", "tsl, tls", "certifcate, certificate", "trusted_ca, trusted-ca",
            "client_auth, client-auth", "sec-protocl, sec-protocol", "tls-crl1, tls-crl"})
    void suggestsTheNearestKnownOption(String key, String expected) {
        assertThat(OptionSpelling.closest(key)).map(SecurityOption::key).contains(expected);
        assertThat(OptionSpelling.looksLikeTlsOption(key)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"port", "address", "backup-port", "sip.transport.0", "lb", "ip-version", "tls", "tls-mutual"})
    void leavesLegitimateTransportKeysAlone(String key) {
        assertThat(OptionSpelling.looksLikeTlsOption(key)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"tls-versions", "security", "cert-file", "trusted-ca-pwd", "cipher-suites"})
    void flagsUnknownKeysThatStartLikeTlsOptions(String key) {
        assertThat(OptionSpelling.looksLikeTlsOption(key)).isTrue();
    }
}
