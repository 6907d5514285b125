package dev.tlsconsole.certificates.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as the API returns it (API.md "Certificates and CAs") plus a few fields the inventory
 * screens use. Never carries the private key — only whether the console holds one.
 *
 * @param issuingAuthorityId the console CA that issued it, null for imported certificates
 * @param expiryBand         expired / within 7 days / within 30 days / OK, at the time of the request
 * @param daysLeft           whole days until notAfter at the time of the request, negative once expired
 */
public record CertificateView(Long id, String name, String subject, List<String> sans, String issuer, String serialNumber,
        Instant notBefore, Instant notAfter, String keyAlgorithm, int keySize, String signatureAlgorithm,
        String sha1Thumbprint, String sha256Fingerprint, boolean hasPrivateKey, boolean ca, CertificateStatus status,
        ExpiryBand expiryBand, long daysLeft, List<String> keyUsage, List<String> extendedKeyUsage, boolean selfSigned,
        CertificateOrigin origin, Long issuingAuthorityId, Instant revokedAt, String revocationReason, Instant createdAt,
        long version) {

    static CertificateView of(StoredCertificate c, Instant now) {
        return new CertificateView(c.getId(), c.getName(), c.getSubject(), c.getSubjectAlternativeNames(), c.getIssuer(),
                c.getSerialNumber(), c.getNotBefore(), c.getNotAfter(), c.getKeyAlgorithm(), c.getKeySize(),
                c.getSignatureAlgorithm(), c.getSha1Thumbprint(), c.getSha256Fingerprint(), c.hasPrivateKey(), c.isCa(),
                c.statusAt(now), ExpiryBand.of(c.getNotAfter(), now),
                Duration.between(now, c.getNotAfter()).toDays(), c.getKeyUsage(), c.getExtendedKeyUsage(),
                c.isSelfSigned(), c.getOrigin(), c.getIssuedByAuthorityId(), c.getRevokedAt(),
                c.getRevocationReason() == null ? null : c.getRevocationReason().rfcName(), c.getCreatedAt(),
                c.getVersion());
    }
}
