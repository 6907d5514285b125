package dev.tlsconsole.certificates.x509;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A CA able to sign: its certificate, its private key (decrypted by the caller for this one operation),
 * and where its CRL is published, written into the certificates it issues when not null.
 */
public record IssuingCa(X509Certificate certificate, PrivateKey privateKey, String crlDistributionPoint) {

    public IssuingCa {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        if (crlDistributionPoint != null && crlDistributionPoint.isBlank()) {
            crlDistributionPoint = null;
        }
    }

    /** A CA that writes no CRL distribution point into what it issues. */
    public IssuingCa(X509Certificate certificate, PrivateKey privateKey) {
        this(certificate, privateKey, null);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "IssuingCa[" + certificate.getSubjectX500Principal().getName() + ", crlDistributionPoint=" + crlDistributionPoint + "]";
    }
}
