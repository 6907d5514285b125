package dev.tlsconsole.certificates.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

import dev.tlsconsole.InvalidInputException;

/**
 * The filters of the inventory list, shared by the API and the UI.
 *
 * @param query              text found (any case) in the name, subject, issuer, SANs, serial, thumbprint or fingerprint
 * @param status             only certificates with this status now
 * @param band               only certificates in this expiry band now
 * @param expiringWithinDays only certificates not yet expired whose notAfter is at most this many days away
 * @param ca                 only CA (true) or end-entity (false) certificates
 * @param authorityId        only certificates issued by this console CA
 */
public record CertificateFilter(String query, CertificateStatus status, ExpiryBand band, Integer expiringWithinDays,
        Boolean ca, Long authorityId) {

    /** Longest look-ahead accepted: 100 years is longer than any certificate. */
    static final int MAX_DAYS = 36_500;

    public static CertificateFilter none() {
        return new CertificateFilter(null, null, null, null, null, null);
    }

    public CertificateFilter {
        query = query == null || query.isBlank() ? null : query.strip();
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > MAX_DAYS)) {
            throw InvalidInputException.of("expiringWithinDays", "must be between 0 and " + MAX_DAYS);
        }
    }

    Specification<StoredCertificate> toSpecification(Instant now) {
        return (root, criteria, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (query != null) {
                String like = "%" + query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                List<Predicate> anyOf = new ArrayList<>();
                for (String field : List.of("name", "subject", "issuer", "subjectAlternativeNames", "serialNumber",
                        "sha1Thumbprint", "sha256Fingerprint")) {
                    anyOf.add(cb.like(cb.lower(root.get(field)), like, '\\'));
                }
                predicates.add(cb.or(anyOf.toArray(Predicate[]::new)));
            }
            if (status != null) {
                Predicate revoked = cb.and(cb.isNotNull(root.get("revokedAt")), cb.lessThanOrEqualTo(root.get("revokedAt"), now));
                Predicate notRevoked = cb.not(revoked);
                predicates.add(switch (status) {
                    case REVOKED -> revoked;
                    case EXPIRED -> cb.and(notRevoked, cb.lessThan(root.get("notAfter"), now));
                    case NOT_YET_VALID -> cb.and(notRevoked, cb.greaterThan(root.get("notBefore"), now));
                    case VALID -> cb.and(notRevoked, cb.lessThanOrEqualTo(root.get("notBefore"), now),
                            cb.greaterThanOrEqualTo(root.get("notAfter"), now));
                });
            }
            if (band != null) {
                Instant week = now.plus(ExpiryBand.WEEK);
                Instant month = now.plus(ExpiryBand.MONTH);
                predicates.add(switch (band) {
                    case EXPIRED -> cb.lessThan(root.get("notAfter"), now);
                    case WITHIN_7_DAYS -> cb.and(cb.greaterThanOrEqualTo(root.get("notAfter"), now), cb.lessThan(root.get("notAfter"), week));
                    case WITHIN_30_DAYS -> cb.and(cb.greaterThanOrEqualTo(root.get("notAfter"), week), cb.lessThan(root.get("notAfter"), month));
                    case OK -> cb.greaterThanOrEqualTo(root.get("notAfter"), month);
                });
            }
            if (expiringWithinDays != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("notAfter"), now));
                predicates.add(cb.lessThanOrEqualTo(root.get("notAfter"), now.plus(Duration.ofDays(expiringWithinDays))));
            }
            if (ca != null) {
                predicates.add(cb.equal(root.get("ca"), ca));
            }
            if (authorityId != null) {
                predicates.add(cb.equal(root.get("issuedByAuthorityId"), authorityId));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
