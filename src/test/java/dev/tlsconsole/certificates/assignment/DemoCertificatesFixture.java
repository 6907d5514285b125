package dev.tlsconsole.certificates.assignment;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tlsconsole.certificates.authority.AuthorityService;
import dev.tlsconsole.certificates.authority.IssuanceService;
import dev.tlsconsole.certificates.authority.RevocationService;

/**
 * The {@code demo} profile's certificates for tests that run without that profile: the demo root CA, the
 * certificates the demo topology's UNIX paths point at (one expiring, one revoked with a published CRL,
 * one issued for another name) and their deployed paths, created in the caller's transaction.
 */
public final class DemoCertificatesFixture {

    public static final String CA_NAME = DemoCertificates.CA_NAME;

    private DemoCertificatesFixture() {
    }

    /** Seeds the demo certificates (the caller is an operator); returns how many were issued. */
    public static int seed(ApplicationContext context) {
        return new DemoCertificates(context.getBean(AuthorityService.class), context.getBean(IssuanceService.class),
                context.getBean(RevocationService.class), context.getBean(Deployments.class), context.getBean(JdbcTemplate.class),
                new TransactionTemplate(context.getBean(PlatformTransactionManager.class))).seed();
    }

    /** Deletes the demo CA, its CRLs, the certificates it issued and its own certificate (deployments cascade). */
    public static void forget(JdbcTemplate jdbc) {
        Long authority = jdbc.queryForObject("select id from certificate_authority where name = ?", Long.class, CA_NAME);
        Long caCertificate = jdbc.queryForObject("select certificate_id from certificate_authority where id = ?",
                Long.class, authority);
        jdbc.update("delete from crl where authority_id = ?", authority);
        jdbc.update("delete from certificate where issued_by_authority_id = ?", authority);
        jdbc.update("delete from certificate_authority where id = ?", authority);
        jdbc.update("delete from certificate where id = ?", caCertificate);
    }

    /**
     * After a transaction that seeded certificates was rolled back: moves the certificates revision past every
     * number it may have used, so no cache keyed by revision mistakes the rolled-back rows for committed ones.
     */
    public static void forgetRolledBackRevisions(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> jdbc.update(
                "update policy_input_revision set revision = revision + 1000000 where subject = 'CERTIFICATES'"));
    }
}
