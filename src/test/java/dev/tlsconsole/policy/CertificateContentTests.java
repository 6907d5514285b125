package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.NOW;
import static dev.tlsconsole.policy.PolicyTesting.codes;
import static dev.tlsconsole.policy.PolicyTesting.findings;
import static dev.tlsconsole.policy.PolicyTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.CertificateFacts.Revocation;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Findings decided through {@link CertificateFacts}, on both sides, with an in-test fake. */
class CertificateContentTests {

    private static final String SERVER_CERT = "/opt/certs/server.pem";
    private static final String CLIENT_CERT = "/opt/certs/stat.pem";
    private static final String CA = "/opt/certs/ca.pem";

    private static Scenario mutual(FakeCertificateFacts facts) {
        return Scenario.simpleTls().addServerApp("tls-mutual=1", "tls-crl=/opt/certs/ca.crl")
                .clientApp("certificate=" + CLIENT_CERT, "certificate-key=/opt/certs/stat.key", "trusted-ca=" + CA)
                .facts(facts);
    }

    @Test
    void unknownCertificatesGiveExactlyOneUncheckedInfoPerSide() {
        EffectivePolicy simple = Scenario.simpleTls().resolve();
        EffectivePolicy mutual = mutual(new FakeCertificateFacts()).resolve();
        EffectivePolicy plain = Scenario.simpleTls().port(ListeningMode.UNSECURED, "").connection("").resolve();

        assertThat(findings(simple, FindingCode.CERT_CONTENT_UNCHECKED)).extracting(Finding::side).containsExactly(Side.SERVER);
        assertThat(findings(mutual, FindingCode.CERT_CONTENT_UNCHECKED)).extracting(Finding::side).containsExactly(Side.SERVER, Side.CLIENT);
        assertThat(codes(plain)).doesNotContain(FindingCode.CERT_CONTENT_UNCHECKED);
        assertThat(only(simple, FindingCode.CERT_CONTENT_UNCHECKED).message())
                .contains("trust, host name, validity, revocation and key strength were not checked");
    }

    @Test
    void knownSoundCertificatesRaiseNothing() {
        FakeCertificateFacts facts = new FakeCertificateFacts()
                .add(SERVER_CERT, FakeCertificateFacts.sound("srv", "CN=cfg-host"), "cfg-host")
                .add(CLIENT_CERT, FakeCertificateFacts.sound("cli", "CN=stat-host"), "stat-host")
                .trusts(CA, "srv").trusts(CA, "cli")
                .revocation("srv", "", new Revocation(RevocationState.NOT_REVOKED, Optional.of(NOW.plusSeconds(3600)), "ca.crl"))
                .revocation("cli", "/opt/certs/ca.crl", new Revocation(RevocationState.NOT_REVOKED, Optional.of(NOW.plusSeconds(3600)), "ca.crl"));

        EffectivePolicy policy = mutual(facts).addClientApp("tls-target-name-check=host").resolve();

        assertThat(policy.findings()).isEmpty();
    }

    @Test
    void theClientCertificateIsJudgedUnderMutualTls() {
        KnownCertificate expired = new KnownCertificate("cli", "CN=stat-host", NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(1)),
                "RSA", 1024, "MD5withRSA");
        FakeCertificateFacts facts = new FakeCertificateFacts().add(CLIENT_CERT, expired).distrusts(CA, "cli")
                .revocation("cli", "/opt/certs/ca.crl", new Revocation(RevocationState.REVOKED, Optional.of(NOW.minusSeconds(1)), "ca.crl"));

        EffectivePolicy policy = mutual(facts).resolve();

        for (FindingCode code : new FindingCode[] {FindingCode.CERT_EXPIRED, FindingCode.WEAK_KEY, FindingCode.WEAK_SIGNATURE, FindingCode.CERT_REVOKED}) {
            Finding finding = only(policy, code);
            assertThat(finding.side()).as(code.name()).isEqualTo(Side.CLIENT);
            assertThat(finding.fixAt().name()).isEqualTo("statserv");
        }
        Finding untrusted = only(policy, FindingCode.UNTRUSTED_ISSUER);
        assertThat(untrusted.side()).isEqualTo(Side.SERVER);
        assertThat(untrusted.fixAt().name()).as("the server's trusted-ca is what must change").isEqualTo("confserv");
        Finding stale = only(policy, FindingCode.CRL_STALE);
        assertThat(stale.side()).isEqualTo(Side.SERVER);
        assertThat(stale.fixLevel()).isEqualTo(Level.APPLICATION);
    }

    @Test
    void theClientCertificateIsNotJudgedInSimpleTls() {
        KnownCertificate expired = new KnownCertificate("cli", "CN=stat-host", NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(1)),
                "RSA", 2048, "SHA256withRSA");
        EffectivePolicy policy = Scenario.simpleTls().addClientApp("certificate=" + CLIENT_CERT)
                .facts(new FakeCertificateFacts().add(CLIENT_CERT, expired)).resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.CERT_EXPIRED);
    }

    @ParameterizedTest(name = "check={0} target={1} names={2} -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            host, -,               cfg-host,        false
            host, -,               other,           true
            host, cfg.example.com, cfg.example.com, false
            host, cfg.example.com, cfg-host,        true
            no,   -,               other,           false
            host, *.example.com,   other,           false
            """)
    void checksTheServerNameOnlyWhenAskedAgainstTheHostOrTargetName(String check, String target, String certName, boolean mismatch) {
        Scenario scenario = Scenario.simpleTls().addClientApp("tls-target-name-check=" + check)
                .facts(new FakeCertificateFacts().add(SERVER_CERT, FakeCertificateFacts.sound("srv", "CN=" + certName), certName));
        if (target != null) {
            scenario.addClientApp("tls-target-name=" + target);
        }

        EffectivePolicy policy = scenario.resolve();

        assertThat(codes(policy).contains(FindingCode.HOST_NAME_MISMATCH)).isEqualTo(mismatch);
    }

    @Test
    void anEncryptionOnlyClientDoesNotCheckTrustOrNames() {
        FakeCertificateFacts facts = new FakeCertificateFacts().add(SERVER_CERT, FakeCertificateFacts.sound("srv", "CN=x"), "x")
                .distrusts(CA, "srv");

        EffectivePolicy policy = Scenario.simpleTls().addClientApp("client-auth=0", "tls-target-name-check=host").facts(facts).resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.UNTRUSTED_ISSUER, FindingCode.HOST_NAME_MISMATCH)
                .contains(FindingCode.ENCRYPTION_ONLY);
    }

    @Test
    void aWindowsClientWithoutTrustedCaIsNotAskedAboutTrust() {
        FakeCertificateFacts facts = new FakeCertificateFacts().add(SERVER_CERT, FakeCertificateFacts.sound("srv", "CN=cfg-host"), "cfg-host");

        EffectivePolicy policy = Scenario.simpleTls().clientWindows().facts(facts).resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.UNTRUSTED_ISSUER);
        assertThat(policy.protocol()).contains(TlsVersion.TLSv13);
    }

    @Test
    void theExpiryWindowComesFromTheSettings() {
        KnownCertificate in45Days = new KnownCertificate("srv", "CN=cfg-host", NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(45)),
                "EC", 256, "SHA256withECDSA");
        FakeCertificateFacts facts = new FakeCertificateFacts().add(SERVER_CERT, in45Days, "cfg-host");
        PolicySettings sixtyDays = new PolicySettings(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(60), TlsVersion.TLSv12, TlsVersion.TLSv13);

        EffectivePolicy defaults = Scenario.simpleTls().facts(facts).resolve();
        EffectivePolicy wide = Scenario.simpleTls().facts(facts).settings(sixtyDays).resolve();

        assertThat(codes(defaults)).isEmpty();
        assertThat(only(wide, FindingCode.CERT_EXPIRING).message()).contains("within 60 days");
    }

    @Test
    void timeComesFromTheSettingsClock() {
        KnownCertificate lastYear = new KnownCertificate("srv", "CN=cfg-host", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)),
                "RSA", 4096, "SHA384withRSA");
        FakeCertificateFacts facts = new FakeCertificateFacts().add(SERVER_CERT, lastYear, "cfg-host");
        PolicySettings back = PolicySettings.defaults(Clock.fixed(NOW.minus(Duration.ofDays(100)), ZoneOffset.UTC));

        assertThat(codes(Scenario.simpleTls().facts(facts).resolve())).containsExactly(FindingCode.CERT_EXPIRED);
        assertThat(codes(Scenario.simpleTls().facts(facts).settings(back).resolve())).isEmpty();
    }

    @Test
    void aStaleCrlCountsOnlyWhenTheCheckingSideConfiguredIt() {
        Revocation stale = new Revocation(RevocationState.NOT_REVOKED, Optional.of(NOW.minusSeconds(60)), "issuer CRL");
        FakeCertificateFacts facts = new FakeCertificateFacts().add(SERVER_CERT, FakeCertificateFacts.sound("srv", "CN=cfg-host"), "cfg-host")
                .revocation("srv", "", stale);

        assertThat(codes(Scenario.simpleTls().facts(facts).resolve())).doesNotContain(FindingCode.CRL_STALE);
    }
}
