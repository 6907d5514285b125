package dev.tlsconsole.certificates;

/**
 * A stored private key could not be decrypted: wrong key-encryption key, altered bytes, or a sealed
 * value moved to another record. The message is safe to show and log; it never carries key material.
 */
public class KeyDecryptionException extends RuntimeException {

    public KeyDecryptionException(String message) {
        super(message);
    }
}
