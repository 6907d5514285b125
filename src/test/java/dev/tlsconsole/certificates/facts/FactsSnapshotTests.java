package dev.tlsconsole.certificates.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tlsconsole.certificates.x509.CaSpec;
import dev.tlsconsole.certificates.x509.CertificateAuthorityOperations;
import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.CertificateUsage;
import dev.tlsconsole.certificates.x509.EndEntitySpec;
import dev.tlsconsole.certificates.x509.IssuedCertificate;
import dev.tlsconsole.certificates.x509.IssuingCa;
import dev.tlsconsole.certificates.x509.KeyAlgorithm;
import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.CertificateFacts.NameMatch;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.CertificateFacts.Trust;

/** How the inventory answers the policy engine: designation by thumbprint and path, trust, names, revocation. */
class FactsSnapshotTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final CertificateAuthorityOperations CA = new CertificateAuthorityOperations(new SecureRandom());
    private static final IssuedCertificate ROOT = CA.createRootCa(new CaSpec("CN=Facts Root", KeyAlgorithm.EC_P256, 3650), NOW);
    private static final IssuedCertificate INTERMEDIATE = CA.createIntermediateCa(new CaSpec("CN=Facts Issuing", KeyAlgorithm.EC_P256,
            1000), new IssuingCa(ROOT.certificate(), ROOT.privateKey()), NOW);
    private static final IssuedCertificate OTHER_ROOT = CA.createRootCa(new CaSpec("CN=Other Root", KeyAlgorithm.EC_P256, 3650), NOW);
    private static final IssuedCertificate LEAF = CA.issue(EndEntitySpec.forHost("cfg-host-1", "10.0.0.11", CertificateUsage.SERVER,
            KeyAlgorithm.EC_P256, 90), new IssuingCa(INTERMEDIATE.certificate(), INTERMEDIATE.privateKey()), NOW);
    private static final IssuedCertificate WILDCARD = CA.issue(new EndEntitySpec("CN=wild", List.of("DNS:*.example.test"),
            CertificateUsage.SERVER, KeyAlgorithm.EC_P256, 90), new IssuingCa(ROOT.certificate(), ROOT.privateKey()), NOW);

    @Test
    void thumbprintsInAnyCaseAndDeployedPathsDesignateCertificates() {
        FactsSnapshot facts = facts(List.of(row(LEAF.certificate(), INTERMEDIATE.certificate(), ROOT.certificate())), List.of(
                deployment("/certs/cfg.pem", "CERTIFICATE", LEAF.certificate()),
                deployment("/certs/cfg.key", "KEY", LEAF.certificate())), List.of());
        String sha1 = details(LEAF.certificate()).sha1Thumbprint();
        assertThat(facts.certificate(sha1)).map(KnownCertificate::subject).contains("CN=cfg-host-1");
        assertThat(facts.certificate(sha1.toLowerCase(Locale.ROOT))).isPresent();
        assertThat(facts.certificate("/certs/cfg.pem")).isPresent();
        assertThat(facts.certificate("/certs/cfg.pem,/certs/issuing.pem")).as("first of a chain").isPresent();
        assertThat(facts.certificate("/certs/cfg.key")).as("a key designates no certificate").isEmpty();
        assertThat(facts.certificate("/somewhere/else.pem")).isEmpty();
        assertThat(facts.certificate("0000000000000000000000000000000000000000")).isEmpty();
    }

    @Test
    void trustFollowsTheChainAndSaysUnknownWhenItCannotTell() {
        FactsSnapshot facts = facts(List.of(row(LEAF.certificate(), INTERMEDIATE.certificate(), ROOT.certificate()),
                row(OTHER_ROOT.certificate())), List.of(
                deployment("/certs/ca.pem", "TRUSTED_CA", ROOT.certificate()),
                deployment("/certs/other-ca.pem", "TRUSTED_CA", OTHER_ROOT.certificate())), List.of());
        KnownCertificate leaf = facts.certificate(details(LEAF.certificate()).sha1Thumbprint()).orElseThrow();
        assertThat(facts.trust("/certs/ca.pem", leaf)).isEqualTo(Trust.TRUSTED);
        assertThat(facts.trust(details(INTERMEDIATE.certificate()).sha1Thumbprint(), leaf)).as("an intermediate as anchor").isEqualTo(Trust.TRUSTED);
        assertThat(facts.trust("/certs/other-ca.pem", leaf)).isEqualTo(Trust.UNTRUSTED);
        assertThat(facts.trust("/certs/other-ca.pem,/certs/ca.pem", leaf)).as("one of several CAs").isEqualTo(Trust.TRUSTED);
        assertThat(facts.trust("/opt/unknown/ca.pem", leaf)).isEqualTo(Trust.UNKNOWN);
    }

    @Test
    void aChainEndingAtAnUnknownIssuerIsNotCalledUntrusted() {
        FactsSnapshot facts = facts(List.of(row(LEAF.certificate()), row(OTHER_ROOT.certificate())),
                List.of(deployment("/certs/other-ca.pem", "TRUSTED_CA", OTHER_ROOT.certificate())), List.of());
        KnownCertificate leaf = facts.certificate(details(LEAF.certificate()).sha1Thumbprint()).orElseThrow();
        assertThat(facts.trust("/certs/other-ca.pem", leaf)).isEqualTo(Trust.UNKNOWN);
    }

    @Test
    void theChainIsCompletedThroughCaCertificatesOfTheInventory() {
        FactsSnapshot facts = facts(List.of(row(LEAF.certificate()), row(INTERMEDIATE.certificate()), row(ROOT.certificate()),
                row(OTHER_ROOT.certificate())), List.of(), List.of());
        KnownCertificate leaf = facts.certificate(details(LEAF.certificate()).sha1Thumbprint()).orElseThrow();
        assertThat(facts.trust(details(ROOT.certificate()).sha1Thumbprint(), leaf)).isEqualTo(Trust.TRUSTED);
        assertThat(facts.trust(details(OTHER_ROOT.certificate()).sha1Thumbprint(), leaf)).isEqualTo(Trust.UNTRUSTED);
    }

    @Test
    void namesMatchExactlyOrAreUnverifiedThroughAWildcard() {
        FactsSnapshot facts = facts(List.of(row(LEAF.certificate()), row(WILDCARD.certificate())), List.of(), List.of());
        KnownCertificate leaf = facts.certificate(details(LEAF.certificate()).sha1Thumbprint()).orElseThrow();
        KnownCertificate wildcard = facts.certificate(details(WILDCARD.certificate()).sha1Thumbprint()).orElseThrow();
        assertThat(facts.matchesName(leaf, "cfg-host-1")).isEqualTo(NameMatch.MATCH);
        assertThat(facts.matchesName(leaf, "CFG-HOST-1")).isEqualTo(NameMatch.MATCH);
        assertThat(facts.matchesName(leaf, "10.0.0.11")).isEqualTo(NameMatch.MATCH);
        assertThat(facts.matchesName(leaf, "stat-host-1")).isEqualTo(NameMatch.MISMATCH);
        assertThat(facts.matchesName(wildcard, "cfg.example.test")).isEqualTo(NameMatch.UNVERIFIED);
        assertThat(facts.matchesName(wildcard, "cfg.other.test")).isEqualTo(NameMatch.MISMATCH);
    }

    @Test
    void revocationComesFromTheIssuersNewestCrlOrTheDeployedCrlFile() {
        String serial = details(LEAF.certificate()).serialNumber();
        FactsData.Crl revoking = new FactsData.Crl("CN=Facts Issuing", "7", NOW.plusSeconds(3600), Set.of(serial));
        FactsSnapshot facts = facts(List.of(row(LEAF.certificate(), INTERMEDIATE.certificate(), ROOT.certificate()),
                row(INTERMEDIATE.certificate(), ROOT.certificate())),
                List.of(deployment("/certs/ca-issuing.crl", "CRL", INTERMEDIATE.certificate())), List.of(revoking));
        KnownCertificate leaf = facts.certificate(details(LEAF.certificate()).sha1Thumbprint()).orElseThrow();
        var fromIssuer = facts.revocation(leaf, Optional.empty());
        assertThat(fromIssuer.state()).isEqualTo(RevocationState.REVOKED);
        assertThat(fromIssuer.crlNextUpdate()).contains(NOW.plusSeconds(3600));
        assertThat(fromIssuer.crlName()).contains("CN=Facts Issuing");
        assertThat(facts.revocation(leaf, Optional.of("/certs/ca-issuing.crl")).state()).isEqualTo(RevocationState.REVOKED);
        assertThat(facts.revocation(leaf, Optional.of("/opt/unknown.crl")).state()).isEqualTo(RevocationState.UNKNOWN);

        FactsSnapshot clean = facts(List.of(row(LEAF.certificate(), INTERMEDIATE.certificate(), ROOT.certificate())), List.of(),
                List.of(new FactsData.Crl("CN=Facts Issuing", "8", NOW.plusSeconds(60), Set.of())));
        assertThat(clean.revocation(leaf, Optional.empty()).state()).isEqualTo(RevocationState.NOT_REVOKED);
        FactsSnapshot none = facts(List.of(row(LEAF.certificate())), List.of(), List.of());
        assertThat(none.revocation(leaf, Optional.empty()).state()).isEqualTo(RevocationState.UNKNOWN);
    }

    @Test
    void plannedFilesCountInAPreview() {
        FactsSnapshot facts = facts(List.of(row(LEAF.certificate(), INTERMEDIATE.certificate(), ROOT.certificate())), List.of(), List.of());
        assertThat(facts.certificate("/certs/new.pem")).isEmpty();
        FactsSnapshot planned = facts.withDeployments(List.of(new FactsSnapshot.PlannedFile("/certs/new.pem", "CERTIFICATE",
                details(LEAF.certificate()).sha256Fingerprint())));
        assertThat(planned.certificate("/certs/new.pem")).isPresent();
        assertThat(facts.certificate("/certs/new.pem")).as("the original is untouched").isEmpty();
    }

    @Test
    void importedCertificatesPathsAndCrlsCountAsAddedAndTheOriginalIsUntouched() {
        String rootFingerprint = details(ROOT.certificate()).sha256Fingerprint();
        String leafFingerprint = details(LEAF.certificate()).sha256Fingerprint();
        FactsSnapshot inventory = facts(List.of(row(ROOT.certificate())), List.of(),
                List.of(new FactsData.Crl("CN=Facts Issuing", "8", NOW.plusSeconds(60), Set.of())));
        List<FactsSnapshot.PlannedFile> files = List.of(new FactsSnapshot.PlannedFile("/certs/cfg.pem", "CERTIFICATE", leafFingerprint),
                new FactsSnapshot.PlannedFile("/certs/ca.pem", "TRUSTED_CA", rootFingerprint));
        FactsSnapshot imported = inventory.withImported(List.of(
                        List.of(details(LEAF.certificate()), details(INTERMEDIATE.certificate()), details(ROOT.certificate())),
                        List.of(details(ROOT.certificate()))), files,
                List.of(new FactsSnapshot.PlannedCrl("CN=Facts Issuing", "9", NOW.plusSeconds(3600),
                        Set.of(details(LEAF.certificate()).serialNumber()))));

        KnownCertificate leaf = imported.certificate("/certs/cfg.pem").orElseThrow();
        assertThat(leaf.subject()).isEqualTo("CN=cfg-host-1");
        assertThat(imported.trust("/certs/ca.pem", leaf)).as("through the chain that came with it").isEqualTo(Trust.TRUSTED);
        assertThat(imported.revocation(leaf, Optional.empty()).state()).as("the newer CRL").isEqualTo(RevocationState.REVOKED);
        assertThat(imported.holds("/certs/cfg.pem", "CERTIFICATE", leafFingerprint)).isTrue();
        // the inventory's facts stay as they were
        assertThat(inventory.certificate("/certs/cfg.pem")).isEmpty();
        assertThat(inventory.holds("/certs/cfg.pem", "CERTIFICATE", leafFingerprint)).isFalse();
        assertThat(inventory.certificate(details(LEAF.certificate()).sha1Thumbprint())).isEmpty();
    }

    private static FactsSnapshot facts(List<Row> rows, List<FactsData.Deployment> deployments, List<FactsData.Crl> crls) {
        List<FactsData.ChainMember> members = new ArrayList<>();
        rows.forEach(r -> members.addAll(r.members()));
        return new FactsSnapshot(rows.stream().map(Row::certificate).toList(), members, deployments, crls);
    }

    private record Row(FactsData.Certificate certificate, List<FactsData.ChainMember> members) {
    }

    /** A certificate of the inventory with its stored chain above it. */
    private static Row row(X509Certificate certificate, X509Certificate... chain) {
        CertificateDetails d = details(certificate);
        List<FactsData.ChainMember> members = new ArrayList<>();
        for (X509Certificate above : chain) {
            CertificateDetails a = details(above);
            members.add(new FactsData.ChainMember(a.sha256Fingerprint(), a.sha1Thumbprint(), a.subject(), a.selfSigned()));
        }
        return new Row(new FactsData.Certificate(d.sha256Fingerprint(), d.sha1Thumbprint(), d.subject(), d.issuer(), d.serialNumber(),
                d.notBefore(), d.notAfter(), d.keyAlgorithm(), d.keySize(), d.signatureAlgorithm(), d.ca(), d.subjectKeyIdentifier(),
                d.authorityKeyIdentifier(), Base64.getEncoder().encodeToString(d.der()),
                members.stream().map(FactsData.ChainMember::fingerprint).toList()), members);
    }

    private static FactsData.Deployment deployment(String path, String kind, X509Certificate content) {
        return new FactsData.Deployment(path, kind, details(content).sha256Fingerprint());
    }

    private static CertificateDetails details(X509Certificate certificate) {
        return CertificateDetails.of(certificate);
    }
}
