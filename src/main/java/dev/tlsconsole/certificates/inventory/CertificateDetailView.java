package dev.tlsconsole.certificates.inventory;

import java.util.List;

/**
 * Everything the detail page shows about a certificate: the API view plus the chain and the
 * extensions that are not worth a column.
 *
 * @param chain                 the stored issuers above the certificate, nearest first
 * @param pathLength            BasicConstraints pathLenConstraint of a CA, null when unlimited or not a CA
 * @param crlDistributionPoints where the issuer publishes its CRL
 */
public record CertificateDetailView(CertificateView certificate, List<ChainLine> chain, Integer pathLength,
        List<String> crlDistributionPoints) {

    /** One certificate of the chain. */
    public record ChainLine(String subject, String sha1Thumbprint, String sha256Fingerprint) {
    }
}
