package dev.tlsconsole.policy.option;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises keys that were probably meant to be TLS options ({@code tls-mutal}, {@code TLS},
 * {@code certifcate}). Transport strings legitimately carry other keys ({@code port},
 * {@code address}, {@code backup-port}, {@code sip.transport.0}), so only near misses count there.
 */
public final class OptionSpelling {

    private static final String[] TLS_PREFIXES = {"tls", "sec", "cert", "trusted", "cipher", "client-auth"};

    private OptionSpelling() {
    }

    /**
     * The known option this unknown key is closest to: at most 2 edits away (1 for short keys such as
     * {@code tls}), ignoring case. Empty for known keys and for keys nothing like an option.
     */
    public static Optional<SecurityOption> closest(String key) {
        if (SecurityOption.fromKey(key).isPresent()) {
            return Optional.empty();
        }
        String lower = key.toLowerCase(Locale.ROOT);
        SecurityOption best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (SecurityOption option : SecurityOption.values()) {
            int allowed = Math.min(2, option.key().length() / 3);
            int distance = distance(lower, option.key(), allowed);
            if (distance <= allowed && distance < bestDistance) {
                best = option;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when an unknown transport key looks like a misspelt TLS option and deserves a warning. */
    public static boolean looksLikeTlsOption(String key) {
        if (SecurityOption.fromKey(key).isPresent()) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String prefix : TLS_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return closest(key).isPresent();
    }

    /**
     * Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), giving up
     * early once the lengths alone exceed {@code limit}. Three rolling rows, no matrix.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
