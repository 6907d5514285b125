package dev.tlsconsole.certificates.x509;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate the internal CA made together with its freshly generated private key. The caller
 * encrypts the key (see {@code PrivateKeyCipher}) before storing it.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", serial="
                + CertificateIds.serialHex(certificate.getSerialNumber()) + "]";
    }
}
