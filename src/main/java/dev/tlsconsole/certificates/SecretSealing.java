package dev.tlsconsole.certificates;

/**
 * Seals short secrets (passwords, shared keys) for a database column with the same AES-256-GCM
 * key-encryption key that seals private keys, for features that keep credentials of their own.
 */
public interface SecretSealing {

    /** The sealed form of {@code secret} (base64), bound to {@code context}: it opens only under the same context. */
    String seal(String secret, String context);

    /**
     * The secret sealed under {@code context}.
     *
     * @throws KeyDecryptionException when the KEK is another one or the value was tampered with
     */
    String open(String sealed, String context);
}
