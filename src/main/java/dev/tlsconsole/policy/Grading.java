package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.TLS_CRL;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_TARGET_NAME_CHECK;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.policy.effective.TlsVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The grade (DESIGN.md §4) and the reasons that capped it. Errors win over everything, plaintext is
 * "-", then C (encryption only, obsolete protocol), B (warnings; auto-detect), A, A+. INFO findings
 * never count. An auto-detect connection is graded as the TLS it becomes after the upgrade, capped
 * at B because TLS only starts if the client upgrades. Codes are collected as bit masks and reason
 * lists are shared, because most connections of a topology repeat a handful of combinations.
 */
final class Grading {

    static final String NOT_SECURED = "not secured: the port has no tls=1";
    static final String AUTO_DETECT = "auto-detect: TLS starts only if the client upgrades";
    static final String NOT_MUTUAL = "not mutual TLS";
    static final String BELOW_TLS12 = "protocol below TLSv12";
    static final String NO_HOST_CHECK = "the client does not check the server host name (tls-target-name-check=host)";
    static final String NO_CLIENT_CRL = "the client does not check revocation (tls-crl)";
    static final String NO_SERVER_CRL = "the server does not check revocation of client certificates (tls-crl)";

    private static final FindingCode[] CODES = FindingCode.values();

    static {
        // result keys are code bit masks with two flags at bits 61 and 62
        if (CODES.length > 61) {
            throw new IllegalStateException("Grading keeps finding codes as bits 0-60 of a long");
        }
    }
    private static final String[] MISSING = {NOT_MUTUAL, BELOW_TLS12, NO_HOST_CHECK, NO_CLIENT_CRL, NO_SERVER_CRL};
    private static final Result[] A_RESULTS = aResults();
    private static final Result A_PLUS_RESULT = new Result(Grade.A_PLUS, List.of());
    private static final Result NOT_SECURED_RESULT = new Result(Grade.NOT_SECURED, List.of(NOT_SECURED));
    private static final long ERRORS = codesOf(Severity.ERROR);
    private static final long WARNINGS = codesOf(Severity.WARNING);
    private static final long C_CAPS = bit(FindingCode.ENCRYPTION_ONLY) | bit(FindingCode.PROTOCOL_OBSOLETE);

    /**
     * Results by their (never zero) key, open addressing on primitive longs: a boxed {@code Long} key
     * would be allocated for most connections' look-ups.
     */
    private long[] keys = new long[64];
    private Result[] values = new Result[64];
    private int size;

    record Result(Grade grade, List<String> reasons) {
    }

    Result grade(Mode mode, Mode authMode, Optional<TlsVersion> protocol, List<Finding> findings,
                 ResolvedSide clientSide, ResolvedSide serverSide) {
        long codes = 0;
        for (int i = 0; i < findings.size(); i++) {
            codes |= bit(findings.get(i).code());
        }
        return grade(mode, authMode, protocol, codes, clientSide, serverSide);
    }

    /** The same from the codes of the findings as bits by ordinal (a code's severity is fixed). */
    Result grade(Mode mode, Mode authMode, Optional<TlsVersion> protocol, long codes, ResolvedSide clientSide,
                 ResolvedSide serverSide) {
        long errors = codes & ERRORS;
        long warnings = codes & WARNINGS;
        if (errors != 0) {
            return cached(errors, Grade.F, errors, 0, false);
        }
        if (mode == Mode.PLAINTEXT) {
            return NOT_SECURED_RESULT;
        }
        boolean autoDetect = mode == Mode.AUTO_DETECT;
        long key = warnings | (autoDetect ? 1L << 62 : 0);
        if (authMode == Mode.ENCRYPTION_ONLY || (warnings & C_CAPS) != 0) {
            return cached(key | 1L << 61, Grade.C, warnings, C_CAPS, autoDetect);
        }
        if (warnings != 0 || autoDetect) {
            return cached(key, Grade.B, warnings, 0, autoDetect);
        }
        int missing = (authMode != Mode.MUTUAL_TLS ? 1 : 0)
                | (protocol.isEmpty() || protocol.get().isObsolete() ? 2 : 0)
                | (!clientSide.get(TLS_TARGET_NAME_CHECK).is("host") ? 4 : 0)
                | (!clientSide.get(TLS_CRL).hasValue() ? 8 : 0)
                | (authMode == Mode.MUTUAL_TLS && !serverSide.get(TLS_CRL).hasValue() ? 16 : 0);
        return missing == 0 ? A_PLUS_RESULT : A_RESULTS[missing];
    }

    private Result cached(long key, Grade grade, long codes, long first, boolean autoDetect) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ key >>> 29 ^ key >>> 47) & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        Result result = new Result(grade, names(codes, first, autoDetect));
        keys[slot] = key;
        values[slot] = result;
        if (++size * 2 > keys.length) {
            grow();
        }
        return result;
    }

    private void grow() {
        long[] oldKeys = keys;
        Result[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Result[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = (int) (oldKeys[i] ^ oldKeys[i] >>> 29 ^ oldKeys[i] >>> 47) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    static long bit(FindingCode code) {
        return 1L << code.ordinal();
    }

    /** The codes of one severity, as bits by ordinal. */
    static long codesOf(Severity severity) {
        long bits = 0;
        for (FindingCode code : FindingCode.values()) {
            bits |= code.severity() == severity ? bit(code) : 0;
        }
        return bits;
    }

    /** The codes of findings, as bits by ordinal. */
    static long codes(List<Finding> findings) {
        long bits = 0;
        for (int i = 0; i < findings.size(); i++) {
            bits |= bit(findings.get(i).code());
        }
        return bits;
    }

    /** The codes in {@code first} (in catalogue order), then the other codes, then the auto-detect phrase. */
    private static List<String> names(long mask, long first, boolean autoDetect) {
        List<String> out = new ArrayList<>();
        for (long part : new long[] {mask & first, mask & ~first}) {
            for (FindingCode code : CODES) {
                if ((part & bit(code)) != 0) {
                    out.add(code.name());
                }
            }
        }
        if (autoDetect) {
            out.add(AUTO_DETECT);
        }
        return List.copyOf(out);
    }

    private static Result[] aResults() {
        Result[] results = new Result[1 << MISSING.length];
        for (int mask = 0; mask < results.length; mask++) {
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < MISSING.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    reasons.add(MISSING[i]);
                }
            }
            results[mask] = new Result(Grade.A, List.copyOf(reasons));
        }
        return results;
    }
}
