package dev.tlsconsole.policy;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A dotted numeric version as Genesys writes them: {@code 8.1.0}, {@code 8.5.1}, {@code 8.5.100.25}.
 * Missing trailing segments compare as zero, so {@code 8.1} equals {@code 8.1.0}.
 */
public record Version(int[] segments) implements Comparable<Version> {

    /** Compiled once: the catalog parses versions on every link it checks. */
    private static final Pattern SHAPE = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,5}");

    public Version {
        if (segments.length == 0) {
            throw new IllegalArgumentException("a version needs at least one number");
        }
        segments = segments.clone();
    }

    /**
     * Parses {@code text}; throws {@link IllegalArgumentException} with a message a user can act on.
     */
    public static Version parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a version is required, e.g. 8.5.1");
        }
        String trimmed = text.strip();
        if (!SHAPE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a version: use numbers separated by dots, e.g. 8.5.1 or 8.5.100.25");
        }
        return new Version(Arrays.stream(trimmed.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    /** The version {@code text} names, or null when it is not one (the catalog's "unknown"). */
    static Version orNull(String text) {
        return isValid(text) ? parse(text) : null;
    }

    /** True when {@code text} parses as a version. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isAtLeast(Version other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Version other) {
        int length = Math.max(segments.length, other.segments.length);
        for (int i = 0; i < length; i++) {
            int a = i < segments.length ? segments[i] : 0;
            int b = i < other.segments.length ? other.segments[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int end = segments.length;
        while (end > 1 && segments[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(segments, end));
    }

    @Override
    public String toString() {
        return Arrays.stream(segments).mapToObj(Integer::toString).collect(Collectors.joining("."));
    }
}
