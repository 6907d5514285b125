package dev.tlsconsole.certificates.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.CertificateChanges;
import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.PemExporter;

/** Reading the inventory (any signed-in user), renaming and deleting certificates (OPERATOR). */
@Service
public class CertificateInventory {

    /** Properties a list may be sorted by. */
    static final Set<String> SORTABLE = Set.of("name", "subject", "issuer", "notAfter", "notBefore", "createdAt",
            "serialNumber", "keyAlgorithm");

    private final CertificateRepository certificates;
    private final CertificateStore store;
    private final CertificateUsers users;
    private final CertificateChanges changes;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateInventory(CertificateRepository certificates, CertificateStore store, CertificateUsers users,
            CertificateChanges changes, AuditTrail audit, Clock clock) {
        this.certificates = certificates;
        this.store = store;
        this.users = users;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Certificates matching {@code filter}, a page at a time. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page<CertificateView> search(CertificateFilter filter, Pageable pageable) {
        Instant now = clock.instant();
        return certificates.findAll(filter.toSpecification(now), checkedSort(pageable)).map(c -> CertificateView.of(c, now));
    }

    /** One certificate. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CertificateView get(long id) {
        return store.view(store.require(id));
    }

    /** One certificate with its chain and extensions, for the detail page. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CertificateDetailView detail(long id) {
        StoredCertificate certificate = store.require(id);
        CertificateDetails details = CertificateDetails.of(store.x509(certificate));
        List<CertificateDetailView.ChainLine> chain = certificate.getChain().stream()
                .map(e -> new CertificateDetailView.ChainLine(e.subject(), e.sha1Thumbprint(), e.sha256Fingerprint())).toList();
        return new CertificateDetailView(store.view(certificate), chain, details.pathLength(), details.crlDistributionPoints());
    }

    /** The certificate as PEM, followed by its stored chain when {@code withChain}. Public data: no key. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Pem pem(long id, boolean withChain) {
        StoredCertificate certificate = store.require(id);
        var chain = store.chain(certificate);
        return new Pem(certificate.getName(), PemExporter.certificates(withChain ? chain : chain.subList(0, 1)));
    }

    /** A PEM text and the name of the certificate it is for (for the download's file name). */
    public record Pem(String name, String text) {
    }

    /** How many certificates fall in each expiry band now. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<ExpiryBand, Long> bandCounts() {
        Instant now = clock.instant();
        Instant week = now.plus(ExpiryBand.WEEK);
        Instant month = now.plus(ExpiryBand.MONTH);
        Map<ExpiryBand, Long> counts = new EnumMap<>(ExpiryBand.class);
        counts.put(ExpiryBand.EXPIRED, certificates.countByNotAfterBefore(now));
        counts.put(ExpiryBand.WITHIN_7_DAYS, certificates.countExpiringBetween(now, week));
        counts.put(ExpiryBand.WITHIN_30_DAYS, certificates.countExpiringBetween(week, month));
        counts.put(ExpiryBand.OK, certificates.countExpiringFrom(month));
        return counts;
    }

    /** The {@code limit} certificates that expire next (not yet expired), soonest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<CertificateView> nextExpiries(int limit) {
        Instant now = clock.instant();
        return certificates.findNextExpiring(now, PageRequest.of(0, limit)).stream().map(c -> CertificateView.of(c, now)).toList();
    }

    /** Renames a certificate; a rename based on an old version is refused with both versions. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_UPDATE, objectId = "#id")
    @Transactional
    public CertificateView rename(long id, @jakarta.validation.constraints.Size(max = CertificateStore.MAX_NAME,
            message = dev.tlsconsole.FieldRules.TOO_LONG) String name, Long version) {
        StoredCertificate certificate = store.require(id);
        CertificateView before = store.view(certificate);
        if (version == null) {
            throw InvalidInputException.of("version", "is required: send the version you read");
        }
        if (version != certificate.getVersion()) {
            throw ConflictException.staleVersion("Certificate", certificate.getName(), version, certificate.getVersion(), before);
        }
        certificate.rename(store.checkedName(name == null ? "" : name.strip(), id));
        certificates.flush();
        CertificateView after = store.view(certificate);
        audit.record(AuditRecord.success(id, certificate.getName(), before, after));
        return after;
    }

    /**
     * Deletes a certificate and its stored key. Refused while options reference it (the objects are
     * listed), for a console CA's own certificate, and for a certificate revoked by a console CA that has
     * not expired yet (it must stay on that CA's CRLs).
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_DELETE, objectId = "#id")
    @Transactional
    public void delete(long id) {
        StoredCertificate certificate = store.require(id);
        CertificateView before = store.view(certificate);
        if (certificate.getOrigin() == CertificateOrigin.AUTHORITY) {
            throw new ConflictException("'" + certificate.getName() + "' is the certificate of a console CA and is kept as"
                    + " long as the CA exists", Map.of("usedBy", List.of("certificate authority " + certificate.getSubject())));
        }
        List<String> usedBy = users.of(id);
        if (!usedBy.isEmpty()) {
            throw new ConflictException("'" + certificate.getName() + "' is still used by " + String.join(", ", usedBy)
                    + ": assign another certificate there first", Map.of("usedBy", usedBy));
        }
        if (certificate.getRevocationSource() == StoredCertificate.RevocationSource.AUTHORITY
                && certificate.getNotAfter().isAfter(clock.instant())) {
            throw new ConflictException("'" + certificate.getName() + "' was revoked by a console CA and must stay on its CRL"
                    + " until it expires on " + certificate.getNotAfter(), Map.of("usedBy", List.of("the CRL of its CA")));
        }
        certificates.delete(certificate);
        certificates.flush();
        changes.changed();
        audit.record(AuditRecord.success(id, certificate.getName(), before, null));
    }

    /**
     * Refuses sorting by anything but the listed columns (an unknown property would be a 500 otherwise) and
     * adds the id as tie-breaker, so pages stay stable when many certificates share a notAfter.
     */
    static Pageable checkedSort(Pageable pageable) {
        for (Sort.Order order : pageable.getSort()) {
            if (!SORTABLE.contains(order.getProperty())) {
                throw InvalidInputException.of("sort", "cannot sort by '" + order.getProperty() + "'; use one of "
                        + String.join(", ", SORTABLE.stream().sorted().toList()));
            }
        }
        return org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by("id")));
    }
}
