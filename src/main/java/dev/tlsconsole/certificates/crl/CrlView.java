package dev.tlsconsole.certificates.crl;

import java.time.Instant;
import java.util.List;

/**
 * A CRL as the API and the screens show it.
 *
 * @param authorityId         the console CA that published it, null for an imported CRL
 * @param issuerCertificateId the inventory certificate that verified an imported CRL, null when unverified
 * @param verified            its signature was checked against a known CA certificate
 * @param stale               nextUpdate has passed: hosts refuse connections with it
 * @param entries             the revoked serials; empty in lists (see {@link #entryCount})
 */
public record CrlView(Long id, String issuer, Long authorityId, Long issuerCertificateId, boolean verified, String crlNumber,
        Instant thisUpdate, Instant nextUpdate, boolean stale, int entryCount, String signatureAlgorithm,
        String sha256Fingerprint, Crl.Origin origin, Instant createdAt, List<Entry> entries) {

    /** One revoked certificate. */
    public record Entry(String serialNumber, Instant revocationDate, String reason) {
    }

    static CrlView of(Crl crl, Instant now, boolean withEntries) {
        List<Entry> entries = withEntries
                ? crl.getEntries().stream().map(e -> new Entry(e.serialNumber(), e.revocationDate(), e.reason().rfcName())).toList()
                : List.of();
        return new CrlView(crl.getId(), crl.getIssuer(), crl.getAuthorityId(), crl.getIssuerCertificateId(),
                crl.getAuthorityId() != null || crl.getIssuerCertificateId() != null, crl.getCrlNumber(), crl.getThisUpdate(),
                crl.getNextUpdate(), crl.staleAt(now), crl.getEntryCount(), crl.getSignatureAlgorithm(),
                crl.getSha256Fingerprint(), crl.getOrigin(), crl.getCreatedAt(), entries);
    }
}
