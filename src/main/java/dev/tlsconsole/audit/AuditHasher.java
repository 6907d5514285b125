package dev.tlsconsole.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an entry over its canonical form followed by the previous entry's hash. The canonical
 * form length-prefixes every field, so no choice of field contents can make two entries collide
 * textually, and null is distinct from an empty string. Entries are keyed (HMAC-SHA256 under
 * {@link AuditChainKeys}, the scheme itself part of what is hashed), so someone who can write the
 * database cannot recompute the chain after editing rows; entries written before the chain was keyed
 * (no scheme) keep their plain SHA-256 and verify as they always did.
 */
final class AuditHasher {

    /** The hash the first entry of a chain points back to. */
    static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    /** The hash of {@code e} by its own scheme; empty when the key of that scheme is not available here. */
    static java.util.Optional<String> hash(AuditEntry e, AuditChainKeys keys) {
        if (e.getHashScheme() == null) {
            return java.util.Optional.of(legacy(e));
        }
        StringBuilder canonical = canonical(e);
        field(canonical, e.getHashScheme());
        return keys.hash(e.getHashScheme(), canonical.append(e.getPreviousHash()).toString());
    }

    /** The former unkeyed SHA-256, for entries written before the chain was keyed. */
    static String legacy(AuditEntry e) {
        StringBuilder canonical = canonical(e);
        canonical.append(e.getPreviousHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
        }
    }

    private static StringBuilder canonical(AuditEntry e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(e.getId()));
        field(canonical, e.getAt().toString());
        field(canonical, e.getActor());
        field(canonical, e.getSourceAddress());
        field(canonical, e.getAction());
        field(canonical, e.getObjectType());
        field(canonical, e.getObjectId());
        field(canonical, e.getObjectName());
        field(canonical, e.getOutcome().name());
        field(canonical, e.getDetail());
        field(canonical, e.getBefore());
        field(canonical, e.getAfter());
        return canonical;
    }

    /** Database timestamps keep microseconds: hash exactly what will be read back. */
    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('|');
    }
}
