package dev.tlsconsole.certificates;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;

import org.springframework.stereotype.Component;

import dev.tlsconsole.certificates.x509.PrivateKeys;

/**
 * Seals private keys for a database column (base64 of {@link PrivateKeyCipher}'s output) and opens
 * them again. The {@code context} is the associated data: the certificate's SHA-256 fingerprint, so
 * a sealed key copied onto another row no longer opens there.
 */
@Component
public class KeySealing {

    private final PrivateKeyCipher cipher;

    KeySealing(PrivateKeyCipher cipher) {
        this.cipher = cipher;
    }

    /** The sealed form of {@code key}, bound to {@code context}. */
    public String seal(PrivateKey key, String context) {
        byte[] pkcs8 = key.getEncoded();
        try {
            return Base64.getEncoder().encodeToString(cipher.encrypt(pkcs8, context.getBytes(StandardCharsets.US_ASCII)));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * The key sealed under {@code context}.
     *
     * @throws KeyDecryptionException when the KEK is another one or the row was tampered with
     */
    public PrivateKey open(String sealed, String context) {
        byte[] pkcs8 = cipher.decrypt(Base64.getDecoder().decode(sealed), context.getBytes(StandardCharsets.US_ASCII));
        try {
            return PrivateKeys.fromPkcs8(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
