package dev.tlsconsole.certificates.x509;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an imported file or paste held: the certificate chain, leaf first (each certificate issued by the
 * next), and the leaf's private key when one was supplied. The key, when present, is known to match the
 * leaf's public key.
 */
public record ParsedCertificates(List<X509Certificate> chain, Optional<PrivateKey> privateKey) {

    public ParsedCertificates {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a parsed chain holds at least one certificate");
        }
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** The end-entity certificate (first of the chain). */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** Never prints the key, only whether there is one. */
    @Override
    public String toString() {
        return "ParsedCertificates[leaf=" + leaf().getSubjectX500Principal().getName() + ", chainLength=" + chain.size()
                + ", privateKey=" + (privateKey.isPresent() ? "present" : "absent") + "]";
    }
}
