package dev.tlsconsole.certificates.assignment;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tlsconsole.audit.SystemActor;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityCommands.IssueRequest;
import dev.tlsconsole.certificates.authority.AuthorityCommands.NewAuthority;
import dev.tlsconsole.certificates.authority.AuthorityService;
import dev.tlsconsole.certificates.authority.IssuanceService;
import dev.tlsconsole.certificates.authority.RevocationService;
import dev.tlsconsole.certificates.facts.FactsSnapshot.PlannedFile;
import dev.tlsconsole.certificates.inventory.CertificateView;

/**
 * The {@code demo} profile's certificates: a demo root CA issues the certificates the demo topology
 * already points at (UNIX PEM paths under {@code /opt/genesys/certs}), and they are registered as
 * deployed at those paths — the demo's options are not rewritten. So a newcomer sees certificate
 * findings end to end: one certificate expiring soon, one revoked, one issued for another name. The
 * Windows thumbprints of the demo stay unknown on purpose (they show as "not checked"). Runs after the
 * demo topology, only when there is no certificate authority yet.
 */
@Component
@Profile("demo")
class DemoCertificates {

    static final String CA_NAME = "Genesys Demo Root CA";
    static final String REVOKED = "ors-02";
    private static final String CERTS = "/opt/genesys/certs/";
    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);

    private final AuthorityService authorities;
    private final IssuanceService issuance;
    private final RevocationService revocation;
    private final Deployments deployments;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    DemoCertificates(AuthorityService authorities, IssuanceService issuance, RevocationService revocation,
            Deployments deployments, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.authorities = authorities;
        this.issuance = issuance;
        this.revocation = revocation;
        this.deployments = deployments;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A certificate the demo topology references: its inventory name, topology host (or subject) and validity. */
    private record Planned(String name, String host, String subject, int validityDays) {
    }

    private static final List<Planned> CERTIFICATES = List.of(
            new Planned("cfg-prim-01", "cfg-prim-01", null, 730),
            new Planned("cfg-prim-01-mtls", "cfg-prim-01", null, 730),
            new Planned("cfg-bak-01", "cfg-bak-01", null, 730),
            new Planned("chat-02", "chat-02", null, 365),
            new Planned("db-01", "db-01", null, 365),
            // expires in under two weeks: CERT_EXPIRING on the connections that use it
            new Planned("ixn-01", "ixn-01", null, 12),
            new Planned("ixnserver", "ixn-01", null, 365),
            new Planned("mgmt-01", "mgmt-01", null, 365),
            new Planned("proxy-01", "proxy-01", null, 365),
            // revoked below (keyCompromise): CERT_REVOKED for the clients of ors-02, which check the CRL
            new Planned("ors-02", "proxy-01", null, 365),
            new Planned("route-01", "route-01", null, 365),
            new Planned("ors", "route-01", null, 365),
            new Planned("outbound", "route-01", null, 365),
            // issued for the host's old name: HOST_NAME_MISMATCH where clients check host names
            new Planned("stat-02", null, "CN=stat-02-old", 365));

    /** After the demo topology ({@code @Order(0)}), which this needs. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void onReady() {
        seedIfNeeded();
    }

    /** Issues and registers the demo's certificates; returns how many, or 0 when left alone. */
    int seedIfNeeded() {
        return SystemActor.asOperator(() -> {
            if (authorityExists() || !hostExists("cfg-prim-01")) {
                log.info("Demo certificates not created: a certificate authority exists, or the demo topology is not loaded");
                return 0;
            }
            int issued = seed();
            log.info("Demo certificates created: {} from '{}'", issued, CA_NAME);
            return issued;
        });
    }

    /** Creates the demo CA, issues the certificates and registers their files; the caller checked there is none yet. */
    int seed() {
        AuthorityView ca = authorities.create(new NewAuthority(CA_NAME,
                "CN=" + CA_NAME + ",O=Example Contact Centre", "EC_P256", 3650, null, null));
        register(ca.certificateId(), List.of(
                new PlannedFile(CERTS + "ca.pem", Deployments.Kind.TRUSTED_CA.name(), ca.sha256Fingerprint()),
                new PlannedFile("/opt/genesys/crl/genesys-ca.crl", Deployments.Kind.CRL.name(), ca.sha256Fingerprint())));
        int issued = 0;
        for (Planned planned : CERTIFICATES) {
            CertificateView certificate = issuance.issue(ca.id(), new IssueRequest(planned.host(), planned.subject(),
                    planned.subject() == null ? null : List.of("DNS:stat-02-old"), "BOTH", planned.validityDays(),
                    null, planned.name()));
            List<PlannedFile> files = new ArrayList<>();
            files.add(new PlannedFile(CERTS + planned.name() + ".pem", Deployments.Kind.CERTIFICATE.name(),
                    certificate.sha256Fingerprint()));
            files.add(new PlannedFile(CERTS + planned.name() + ".key", Deployments.Kind.KEY.name(),
                    certificate.sha256Fingerprint()));
            register(certificate.id(), files);
            if (planned.name().equals(REVOKED)) {
                revocation.revoke(certificate.id(), "keyCompromise");
            }
            issued++;
        }
        return issued;
    }

    private void register(long certificateId, List<PlannedFile> files) {
        transactions.executeWithoutResult(status -> deployments.record(certificateId, files));
    }

    private boolean authorityExists() {
        Long count = jdbc.queryForObject("select count(*) from certificate_authority", Long.class);
        return count != null && count > 0;
    }

    private boolean hostExists(String name) {
        Long count = jdbc.queryForObject("select count(*) from host where name_key = ?", Long.class, name);
        return count != null && count > 0;
    }
}
