package dev.tlsconsole.certificates.inventory;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate to add to the inventory.
 *
 * @param name                wanted name; null/blank = derived from the subject's CN (made unique)
 * @param chain               leaf first, then its issuers
 * @param privateKey          the leaf's key, known to match, or empty
 * @param issuedByAuthorityId the console CA that issued it, or null
 */
public record NewCertificate(String name, List<X509Certificate> chain, Optional<PrivateKey> privateKey,
        CertificateOrigin origin, Long issuedByAuthorityId) {

    public NewCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a new certificate needs at least the leaf");
        }
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(origin, "origin");
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "NewCertificate[name=" + name + ", leaf=" + chain.get(0).getSubjectX500Principal().getName() + ", origin="
                + origin + ", privateKey=" + (privateKey.isPresent() ? "present" : "absent") + "]";
    }
}
