package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.codes;
import static dev.tlsconsole.policy.PolicyTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tlsconsole.policy.CertificateFacts.Revocation;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.option.Level;

/**
 * Issue 12 at the engine level: each rule of GENESYS-TLS-REFERENCE.md §8 "Corrections", with the
 * reference's source key named on each test.
 */
class EngineCorrectionsTests {

    private static final String SERVER_CERT = "/opt/certs/server.pem";
    private static final Revocation REVOKED_IN_CA_CRL =
            new Revocation(RevocationState.REVOKED, Optional.empty(), "the CRL of CA 'Root'");

    /** §8 C2 (ADV, 8.5.1 revision): 8.5.1 unset = SSLv23; against an 8.5.0 server that is TLS 1.1, obsolete, fixed on the server's host. */
    @Test
    void an851ClientWithoutSecProtocolAndAnOldPackServerNegotiateTls11() {
        EffectivePolicy policy = Scenario.simpleTls().serverPack("8.5.0").clientPack("8.5.1").resolve();

        assertThat(policy.protocol()).contains(dev.tlsconsole.policy.effective.TlsVersion.TLSv11);
        assertThat(codes(policy)).doesNotContain(FindingCode.PROTOCOL_MISMATCH);
        Finding obsolete = only(policy, FindingCode.PROTOCOL_OBSOLETE);
        assertThat(obsolete.fixLevel()).isEqualTo(Level.HOST);
        assertThat(obsolete.fixAt().name()).as("the host whose pack holds the link back").isEqualTo("cfg-host");
        assertThat(obsolete.message()).contains("upgrade the Security Pack on host 'cfg-host'");
    }

    /** §8 C4 (ADV newest revision): from 8.5.100.25 the valid values are SSLv23, TLSv12, TLSv13 or empty. */
    @Test
    void a8510025PackRefusesTheOldStrictValues() {
        for (String value : new String[] {"SSLv3", "TLSv1", "TLSv11"}) {
            EffectivePolicy policy = Scenario.simpleTls().addClientApp("sec-protocol=" + value).resolve();
            Finding refused = only(policy, FindingCode.PROTOCOL_UNSUPPORTED_BY_PACK);
            assertThat(refused.fixAt().name()).as(value).isEqualTo("statserv");
            assertThat(refused.message()).contains("accepts only SSLv23, TLSv12, TLSv13 or empty");
        }
        EffectivePolicy compatible = Scenario.simpleTls().addClientApp("sec-protocol=SSLv23").serverPack("8.5.0").resolve();
        assertThat(compatible.protocol()).contains(dev.tlsconsole.policy.effective.TlsVersion.TLSv11);
    }

    /** §8 C6 (ADV, IMP): TLS 1.3 exists on Windows only from Server 2022; an older recorded version caps at TLS 1.2. */
    @Test
    void aWindowsHostOlderThanServer2022CannotSpeakTls13() {
        EffectivePolicy old = Scenario.simpleTls().serverWindows("Windows Server 2019")
                .serverApp("certificate=" + PolicyTesting.THUMBPRINT).resolve();
        assertThat(old.protocol()).contains(dev.tlsconsole.policy.effective.TlsVersion.TLSv12);

        EffectivePolicy strict13 = Scenario.simpleTls().serverWindows("Windows Server 2019")
                .serverApp("certificate=" + PolicyTesting.THUMBPRINT).addClientApp("sec-protocol=TLSv13").resolve();
        assertThat(codes(strict13)).contains(FindingCode.PROTOCOL_MISMATCH);

        EffectivePolicy recent = Scenario.simpleTls().serverWindows("Windows Server 2022")
                .serverApp("certificate=" + PolicyTesting.THUMBPRINT).resolve();
        assertThat(recent.protocol()).contains(dev.tlsconsole.policy.effective.TlsVersion.TLSv13);

        EffectivePolicy unknown = Scenario.simpleTls().serverWindows(null)
                .serverApp("certificate=" + PolicyTesting.THUMBPRINT, "sec-protocol=TLSv12").resolve();
        assertThat(unknown.protocol()).contains(dev.tlsconsole.policy.effective.TlsVersion.TLSv13);
        assertThat(only(unknown, FindingCode.WINDOWS_OS_OVERRIDES_PROTOCOL).message()).contains("the OS decides");
    }

    /** §8 A3 (PSDKC): provider, fips140-enabled, tls-version and protocol-list are options Genesys knows. */
    @Test
    void platformSdkOptionsAreKnownNotMisspelt() {
        EffectivePolicy policy = Scenario.simpleTls()
                .addClientApp("provider=PEM", "fips140-enabled=true", "tls-version=TLSv1.2", "protocol-list=TLSv1.2,TLSv1.3").resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.UNKNOWN_OPTION);
        assertThat(policy.clientSide().get(dev.tlsconsole.policy.option.SecurityOption.FIPS140_ENABLED).value()).isEqualTo("true");
        assertThat(policy.clientSide().get(dev.tlsconsole.policy.option.SecurityOption.PROVIDER).level()).isEqualTo(Level.APPLICATION);
    }

    /** §8 B1 (seed, ADV): no tls-crl on the checking client = no check: the link comes up, with a warning. */
    @Test
    void aRevokedServerCertificateIsOnlyAWarningWhenTheClientDoesNotCheck() {
        FakeCertificateFacts facts = new FakeCertificateFacts()
                .add(SERVER_CERT, FakeCertificateFacts.sound("srv", "CN=cfg-host"), "cfg-host")
                .revocation("srv", "", REVOKED_IN_CA_CRL);

        EffectivePolicy policy = Scenario.simpleTls().facts(facts).resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.CERT_REVOKED);
        Finding warning = only(policy, FindingCode.CERT_REVOKED_UNCHECKED);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.side()).isEqualTo(Side.CLIENT);
        assertThat(warning.fixAt().name()).isEqualTo("statserv");
        assertThat(warning.message()).contains("revoked").contains("not checked").contains("set tls-crl in application 'statserv'");
        assertThat(policy.grade()).isNotEqualTo(Grade.F);
    }

    /** §8 B1: the checking side resolves a CRL that lists the serial: the handshake fails. */
    @Test
    void aRevokedServerCertificateIsAnErrorWhenTheClientsCrlListsIt() {
        FakeCertificateFacts facts = new FakeCertificateFacts()
                .add(SERVER_CERT, FakeCertificateFacts.sound("srv", "CN=cfg-host"), "cfg-host")
                .revocation("srv", "/opt/certs/ca.crl", new Revocation(RevocationState.REVOKED, Optional.empty(), "ca.crl"));

        EffectivePolicy policy = Scenario.simpleTls().addClientApp("tls-crl=/opt/certs/ca.crl").facts(facts).resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.CERT_REVOKED_UNCHECKED);
        Finding error = only(policy, FindingCode.CERT_REVOKED);
        assertThat(error.fixLevel()).isEqualTo(Level.APPLICATION);
        assertThat(error.fixAt().name()).isEqualTo("confserv");
        assertThat(policy.grade()).isEqualTo(Grade.F);
    }

    /** §8 B1: under mutual TLS the server is the checker of the client's certificate: the server side is told. */
    @Test
    void aRevokedClientCertificateIsOnlyAWarningWhenTheServerDoesNotCheck() {
        FakeCertificateFacts facts = new FakeCertificateFacts()
                .add(SERVER_CERT, FakeCertificateFacts.sound("srv", "CN=cfg-host"), "cfg-host")
                .add("/opt/certs/client.pem", FakeCertificateFacts.sound("cli", "CN=stat-host"), "stat-host")
                .revocation("cli", "", REVOKED_IN_CA_CRL);

        EffectivePolicy policy = Scenario.simpleTls().addServerApp("tls-mutual=1")
                .addClientApp("certificate=/opt/certs/client.pem", "certificate-key=/opt/certs/client.key").facts(facts).resolve();

        Finding warning = only(policy, FindingCode.CERT_REVOKED_UNCHECKED);
        assertThat(warning.side()).isEqualTo(Side.SERVER);
        assertThat(warning.fixAt().name()).isEqualTo("confserv:default");
        assertThat(codes(policy)).doesNotContain(FindingCode.CERT_REVOKED);
    }
}
