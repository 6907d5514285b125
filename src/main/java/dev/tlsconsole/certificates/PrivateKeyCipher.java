package dev.tlsconsole.certificates;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private keys (PKCS#8 bytes) for storage in the database with AES-256-GCM under a
 * key-encryption key (KEK) that lives outside the database (configuration or a 0600 key file).
 *
 * <p>Sealed layout, format version 1:
 * <pre>
 *   [0x01 format version][4-byte KEK id][12-byte random IV][ciphertext + 16-byte GCM tag]
 * </pre>
 * The KEK id is a truncated hash of the KEK, so that after a key rotation a keyring can pick the right
 * KEK for each row, and so that "wrong key" can be told apart from "tampered data". The header is
 * authenticated together with the caller's associated data (for example the certificate fingerprint),
 * so a sealed key copied to another row no longer decrypts there.
 *
 * <p>Thread-safe: every call creates its own {@link Cipher}.
 */
public final class PrivateKeyCipher {

    /** The only format written today; a future format gets a new number and this class keeps reading 1. */
    public static final int FORMAT_V1 = 1;
    /** Length of the key-encryption key in bytes (AES-256). */
    public static final int KEK_BYTES = 32;

    private static final int KEY_ID_BYTES = 4;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + KEY_ID_BYTES;
    private static final int MIN_SEALED_BYTES = HEADER_BYTES + IV_BYTES + TAG_BITS / 8;
    private static final byte[] KEY_ID_LABEL = "tls-console kek id v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final byte[] keyId;
    private final SecureRandom random;

    /** Creates a cipher for {@code keyEncryptionKey} (exactly 32 bytes) with a strong {@link SecureRandom}. */
    public PrivateKeyCipher(byte[] keyEncryptionKey) {
        this(keyEncryptionKey, new SecureRandom());
    }

    /** As {@link #PrivateKeyCipher(byte[])} with the IV source supplied (tests, or a DRBG of the caller's choice). */
    public PrivateKeyCipher(byte[] keyEncryptionKey, SecureRandom random) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        if (keyEncryptionKey.length != KEK_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be " + KEK_BYTES + " bytes (AES-256), not "
                    + keyEncryptionKey.length);
        }
        this.key = new SecretKeySpec(keyEncryptionKey, "AES");
        this.keyId = keyIdOfKek(keyEncryptionKey);
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Seals {@code plaintext} (typically {@code PrivateKey.getEncoded()}).
     *
     * @param associatedData bound to the ciphertext but not stored in it (for example the certificate's
     *                       SHA-256 fingerprint); the same bytes must be given to {@link #decrypt}. May be null.
     */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] header = header();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header);
            cipher.updateAAD(associatedDataOrEmpty(associatedData));
            byte[] sealedBody = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + iv.length + sealedBody.length)
                    .put(header).put(iv).put(sealedBody).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * Opens what {@link #encrypt} sealed.
     *
     * @throws KeyDecryptionException when the data was sealed under another KEK, was altered, or the
     *                                associated data differs; the message never contains key material
     */
    public byte[] decrypt(byte[] sealed, byte[] associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < MIN_SEALED_BYTES || sealed[0] != FORMAT_V1) {
            throw new KeyDecryptionException("the stored private key is not in a format this console can read"
                    + " (expected format version " + FORMAT_V1 + ")");
        }
        byte[] storedKeyId = Arrays.copyOfRange(sealed, 1, HEADER_BYTES);
        if (!MessageDigest.isEqual(storedKeyId, keyId)) {
            throw new KeyDecryptionException("the stored private key was encrypted under another key-encryption key (id "
                    + HexFormat.of().formatHex(storedKeyId) + ", configured id " + keyId() + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, HEADER_BYTES, IV_BYTES));
            cipher.updateAAD(sealed, 0, HEADER_BYTES);
            cipher.updateAAD(associatedDataOrEmpty(associatedData));
            int bodyOffset = HEADER_BYTES + IV_BYTES;
            return cipher.doFinal(sealed, bodyOffset, sealed.length - bodyOffset);
        } catch (AEADBadTagException e) {
            throw new KeyDecryptionException("the stored private key was altered or belongs to another record"
                    + " (authentication failed)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** Hex id of this cipher's KEK; safe to log (a truncated hash, not the key). */
    public String keyId() {
        return HexFormat.of().formatHex(keyId);
    }

    /** Format version of a sealed value, so a reader can dispatch before decrypting. */
    public static int formatVersionOf(byte[] sealed) {
        if (sealed == null || sealed.length == 0) {
            throw new KeyDecryptionException("the stored private key is empty");
        }
        return sealed[0] & 0xFF;
    }

    /** Hex KEK id a sealed value was written under (for choosing a key after a rotation). */
    public static String keyIdOf(byte[] sealed) {
        if (sealed == null || sealed.length < HEADER_BYTES) {
            throw new KeyDecryptionException("the stored private key is too short to carry a key id");
        }
        return HexFormat.of().formatHex(sealed, 1, HEADER_BYTES);
    }

    @Override
    public String toString() {
        return "PrivateKeyCipher[AES-256-GCM, keyId=" + keyId() + "]";
    }

    private byte[] header() {
        byte[] header = new byte[HEADER_BYTES];
        header[0] = FORMAT_V1;
        System.arraycopy(keyId, 0, header, 1, KEY_ID_BYTES);
        return header;
    }

    private static byte[] associatedDataOrEmpty(byte[] associatedData) {
        return associatedData == null ? new byte[0] : associatedData;
    }

    private static byte[] keyIdOfKek(byte[] kek) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_ID_LABEL);
            return Arrays.copyOf(sha256.digest(kek), KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
