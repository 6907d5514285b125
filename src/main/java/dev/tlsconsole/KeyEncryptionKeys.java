package dev.tlsconsole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Reads the key-encryption key (KEK) — from {@value #KEK_PROPERTY} (base64 of 32 bytes, e.g. the
 * environment variable {@code CONSOLE_KEY_ENCRYPTION_KEY}) or else from the key file prepared at start-up
 * ({@value DataDirectoryPreparer#KEK_FILE_PROPERTY}) — and derives separate keys from it by label
 * (HMAC-SHA256 of the label under the KEK), so one secret outside the database serves several purposes
 * without any of them revealing the KEK: the database check value, the audit chain key.
 */
public final class KeyEncryptionKeys {

    /** Property holding the KEK itself, base64; wins over the key file. */
    public static final String KEK_PROPERTY = "console.key-encryption-key";
    /** Exactly this many bytes (AES-256). */
    public static final int KEK_BYTES = 32;
    private static final String CHECK_LABEL = "tls-console kek check v1";

    private KeyEncryptionKeys() {
    }

    /** The KEK; the caller zeroes it after use. */
    public static byte[] read(Environment environment) {
        String configured = environment.getProperty(KEK_PROPERTY);
        if (StringUtils.hasText(configured)) {
            return decode(configured, KEK_PROPERTY);
        }
        String file = environment.getProperty(DataDirectoryPreparer.KEK_FILE_PROPERTY);
        if (!StringUtils.hasText(file)) {
            throw new IllegalStateException("No key-encryption key: set " + KEK_PROPERTY + " or "
                    + DataDirectoryPreparer.KEK_FILE_PROPERTY);
        }
        try {
            return decode(Files.readString(Path.of(file), StandardCharsets.US_ASCII), DataDirectoryPreparer.KEK_FILE_PROPERTY
                    + " (" + file + ")");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key-encryption key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A 32-byte key for one purpose: HMAC-SHA256(KEK, label). Different labels give unrelated keys. */
    public static byte[] derive(byte[] kek, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }

    /** The value stored in the database to recognise the KEK: hex of a derived key, safe to store and log. */
    public static String checkValue(byte[] kek) {
        byte[] check = derive(kek, CHECK_LABEL);
        try {
            return HexFormat.of().formatHex(check);
        } finally {
            Arrays.fill(check, (byte) 0);
        }
    }

    /** Decodes base64 text into exactly 32 bytes; the messages never echo the value. */
    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key-encryption key in " + source + " is not valid base64");
        }
        if (key.length != KEK_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException("The key-encryption key in " + source + " must be " + KEK_BYTES
                    + " bytes (base64 of 32 random bytes, e.g. 'openssl rand -base64 32'), not " + length);
        }
        return key;
    }
}
