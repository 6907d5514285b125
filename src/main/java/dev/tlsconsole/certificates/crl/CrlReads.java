package dev.tlsconsole.certificates.crl;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;

/** Reading stored CRLs: any signed-in user. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class CrlReads {

    private static final Set<String> SORTABLE = Set.of("issuer", "thisUpdate", "nextUpdate", "createdAt");

    private final CrlRepository crls;
    private final CrlStore store;
    private final Clock clock;

    CrlReads(CrlRepository crls, CrlStore store, Clock clock) {
        this.crls = crls;
        this.store = store;
        this.clock = clock;
    }

    /** CRLs whose issuer contains {@code issuer} (all when blank), without their entries. */
    public Page<CrlView> search(String issuer, Pageable pageable) {
        for (Sort.Order order : pageable.getSort()) {
            if (!SORTABLE.contains(order.getProperty())) {
                throw InvalidInputException.of("sort", "cannot sort by '" + order.getProperty() + "'; use one of "
                        + String.join(", ", SORTABLE.stream().sorted().toList()));
            }
        }
        Instant now = clock.instant();
        Pageable ordered = newestLast(pageable);
        Page<Crl> page = issuer == null || issuer.isBlank() ? crls.findAll(ordered)
                : crls.findByIssuerContainingIgnoreCase(issuer.strip(), ordered);
        return page.map(crl -> CrlView.of(crl, now, false));
    }

    /** CRLs a console CA published, newest first. */
    public Page<CrlView> ofAuthority(long authorityId, Pageable pageable) {
        Instant now = clock.instant();
        return crls.findByAuthorityId(authorityId, newestLast(pageable)).map(crl -> CrlView.of(crl, now, false));
    }

    /**
     * The requested order with the id as tie-breaker: two CRLs published within one second share their
     * thisUpdate, and the one published later must still list first when sorting newest first.
     */
    private static Pageable newestLast(Pageable pageable) {
        Sort.Direction direction = pageable.getSort().stream().findFirst().map(Sort.Order::getDirection).orElse(Sort.Direction.DESC);
        return org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by(direction, "id")));
    }

    /** One CRL with its entries. */
    public CrlView get(long id) {
        return store.view(store.require(id), true);
    }

    /** The CRL as signed (DER). */
    public byte[] der(long id) {
        return store.require(id).der();
    }
}
