package dev.tlsconsole.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.tlsconsole.KeyEncryptionKeys;

/**
 * The keys of the audit chain, none of which lives in the database: the current one is
 * {@value #CHAIN_KEY_PROPERTY} (base64 of 32 bytes) or else derived from the key-encryption key with a
 * label of its own; former ones ({@value #PREVIOUS_KEYS_PROPERTY}: former chain keys or former KEKs,
 * base64, comma-separated) keep entries written before a rotation verifiable. Each entry records the
 * scheme and key id it was hashed with ({@code HMAC-SHA256:<key id>}); entries without a scheme are the
 * former unkeyed SHA-256 ones. The key id is a truncated hash of the key, safe to store.
 */
@Component
class AuditChainKeys {

    static final String CHAIN_KEY_PROPERTY = "console.audit.chain-key";
    static final String PREVIOUS_KEYS_PROPERTY = "console.audit.previous-keys";
    static final String SCHEME_PREFIX = "HMAC-SHA256:";
    private static final String DERIVATION_LABEL = "tls-console audit chain v1";
    private static final String KEY_ID_LABEL = "tls-console audit key id v1";

    private final String currentScheme;
    private final Map<String, SecretKeySpec> keysByScheme = new LinkedHashMap<>();

    AuditChainKeys(Environment environment) {
        SecretKeySpec current = currentKey(environment);
        currentScheme = scheme(current);
        keysByScheme.put(currentScheme, current);
        for (String former : StringUtils.commaDelimitedListToStringArray(environment.getProperty(PREVIOUS_KEYS_PROPERTY, ""))) {
            if (StringUtils.hasText(former)) {
                byte[] key = decode(former.strip());
                // a former chain key as it is, and a former KEK through the same derivation as today's
                for (byte[] candidate : List.of(key, KeyEncryptionKeys.derive(key, DERIVATION_LABEL))) {
                    SecretKeySpec spec = new SecretKeySpec(candidate, "HmacSHA256");
                    keysByScheme.putIfAbsent(scheme(spec), spec);
                }
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** The scheme new entries are written with. */
    String currentScheme() {
        return currentScheme;
    }

    /** The keyed hash of {@code canonical} under the key of {@code scheme}; empty when this instance lacks that key. */
    Optional<String> hash(String scheme, String canonical) {
        SecretKeySpec key = keysByScheme.get(scheme);
        if (key == null) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Optional.of(HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AuditChainKeys[" + currentScheme + ", " + keysByScheme.size() + " key(s)]";
    }

    private static SecretKeySpec currentKey(Environment environment) {
        String configured = environment.getProperty(CHAIN_KEY_PROPERTY);
        byte[] key;
        if (StringUtils.hasText(configured)) {
            key = decode(configured.strip());
        } else {
            byte[] kek = KeyEncryptionKeys.read(environment);
            key = KeyEncryptionKeys.derive(kek, DERIVATION_LABEL);
            Arrays.fill(kek, (byte) 0);
        }
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        Arrays.fill(key, (byte) 0);
        return spec;
    }

    private static String scheme(SecretKeySpec key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_ID_LABEL.getBytes(StandardCharsets.US_ASCII));
            return SCHEME_PREFIX + HexFormat.of().formatHex(sha256.digest(key.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("An audit chain key (" + CHAIN_KEY_PROPERTY + " or " + PREVIOUS_KEYS_PROPERTY
                    + ") is not valid base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException("An audit chain key (" + CHAIN_KEY_PROPERTY + " or " + PREVIOUS_KEYS_PROPERTY
                    + ") must be at least 32 bytes (e.g. 'openssl rand -base64 32')");
        }
        return key;
    }
}
