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
