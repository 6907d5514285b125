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

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.PemExporter;

/**
 * Reading the inventory (any signed-in user): the certificates' {@code Reads} in the shape of
 * {@link dev.tlsconsole.topology}; renaming and deleting are {@link CertificateService}.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class CertificateInventory {

    /** Properties a list may be sorted by. */
    static final Set<String> SORTABLE = Set.of("name", "subject", "issuer", "notAfter", "notBefore", "createdAt",
            "serialNumber", "keyAlgorithm");

    private final CertificateRepository certificates;
    private final CertificateStore store;
    private final Clock clock;

    CertificateInventory(CertificateRepository certificates, CertificateStore store, Clock clock) {
        this.certificates = certificates;
        this.store = store;
        this.clock = clock;
    }

    /** Certificates matching {@code filter}, a page at a time. */
    public Page<CertificateView> search(CertificateFilter filter, Pageable pageable) {
        Instant now = clock.instant();
        return certificates.findAll(filter.toSpecification(now), checkedSort(pageable)).map(c -> CertificateView.of(c, now));
    }

    /** One certificate. */
    public CertificateView get(long id) {
        return store.view(store.require(id));
    }

    /** One certificate with its chain and extensions, for the detail page. */
    public CertificateDetailView detail(long id) {
        StoredCertificate certificate = store.require(id);
        CertificateDetails details = CertificateDetails.of(store.x509(certificate));
        List<CertificateDetailView.ChainLine> chain = certificate.getChain().stream()
                .map(e -> new CertificateDetailView.ChainLine(e.subject(), e.sha1Thumbprint(), e.sha256Fingerprint())).toList();
        return new CertificateDetailView(store.view(certificate), chain, details.pathLength(), details.crlDistributionPoints());
    }

    /** The certificate as PEM, followed by its stored chain when {@code withChain}. Public data: no key. */
    public Pem pem(long id, boolean withChain) {
        StoredCertificate certificate = store.require(id);
        var chain = store.chain(certificate);
        return new Pem(certificate.getName(), PemExporter.certificates(withChain ? chain : chain.subList(0, 1)));
    }

    /** A PEM text and the name of the certificate it is for (for the download's file name). */
    public record Pem(String name, String text) {
    }

    /** How many certificates fall in each expiry band now. */
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
    public List<CertificateView> nextExpiries(int limit) {
        Instant now = clock.instant();
        return certificates.findNextExpiring(now, PageRequest.of(0, limit)).stream().map(c -> CertificateView.of(c, now)).toList();
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
