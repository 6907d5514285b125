package dev.tlsconsole.certificates.x509;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the console shows and indexes about one certificate, extracted once at import so that
 * lists, searches and expiry reports never re-parse DER.
 *
 * @param subject                 RFC 2253 form, most specific first ({@code CN=host,O=Org})
 * @param subjectAlternativeNames {@code DNS:…}, {@code IP:…}, {@code URI:…}, {@code email:…} in certificate order
 * @param serialNumber            upper-case hex, see {@link CertificateIds#serialHex}
 * @param keyAlgorithm            {@code RSA}, {@code EC}, {@code Ed25519}, …
 * @param keySize                 RSA modulus bits, EC field size (256 for P-256), 0 when unknown
 * @param signatureAlgorithm      JCA name such as {@code SHA256withECDSA}
 * @param keyUsage                RFC 5280 names ({@code digitalSignature}, {@code keyCertSign}, …); empty when absent
 * @param extendedKeyUsage        {@code serverAuth}, {@code clientAuth}, … or the OID when unnamed; empty when absent
 * @param ca                      BasicConstraints cA
 * @param pathLength              BasicConstraints pathLenConstraint; null when unlimited or not a CA
 * @param sha1Thumbprint          40 upper-case hex digits, what Windows hosts reference
 * @param sha256Fingerprint       64 upper-case hex digits
 * @param subjectKeyIdentifier    hex, null when absent
 * @param authorityKeyIdentifier  hex keyIdentifier of the AKI, null when absent
 * @param crlDistributionPoints   URIs of the CRL distribution points
 * @param der                     the certificate as stored
 */
public record CertificateDetails(
        String subject,
        List<String> subjectAlternativeNames,
        String issuer,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        int keySize,
        String signatureAlgorithm,
        List<String> keyUsage,
        List<String> extendedKeyUsage,
        boolean ca,
        Integer pathLength,
        boolean selfSigned,
        String sha1Thumbprint,
        String sha256Fingerprint,
        String subjectKeyIdentifier,
        String authorityKeyIdentifier,
        List<String> crlDistributionPoints,
        byte[] der) {

    /** Validity of a certificate at an instant; revocation is judged elsewhere (it needs CRLs). */
    public enum ValidityStatus { VALID, EXPIRED, NOT_YET_VALID }

    public CertificateDetails {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        crlDistributionPoints = List.copyOf(crlDistributionPoints);
        der = der.clone();
    }

    /** Extracts the details of {@code certificate}. */
    public static CertificateDetails of(X509Certificate certificate) {
        return DetailsExtractor.extract(certificate);
    }

    /** Where {@code at} falls in the validity period. */
    public ValidityStatus statusAt(Instant at) {
        if (at.isBefore(notBefore)) {
            return ValidityStatus.NOT_YET_VALID;
        }
        return at.isAfter(notAfter) ? ValidityStatus.EXPIRED : ValidityStatus.VALID;
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateDetails that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sha256Fingerprint);
    }

    @Override
    public String toString() {
        return "CertificateDetails[subject=" + subject + ", issuer=" + issuer + ", serial=" + serialNumber
                + ", notAfter=" + notAfter + ", sha256=" + sha256Fingerprint + "]";
    }
}
