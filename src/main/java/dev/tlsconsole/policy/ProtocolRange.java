package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.TlsVersion;
import java.util.Optional;

/**
 * The protocol versions one side will accept, {@code min..max} inclusive. There are only fifteen
 * possible ranges, so they are interned and intersecting two of them allocates nothing.
 */
final class ProtocolRange {

    private static final TlsVersion[] VERSIONS = TlsVersion.values();
    private static final ProtocolRange[][] RANGES = new ProtocolRange[VERSIONS.length][VERSIONS.length];
    private static final Optional<ProtocolRange>[][] PRESENT = presentTable();

    private final TlsVersion min;
    private final TlsVersion max;
    private final String text;

    private ProtocolRange(TlsVersion min, TlsVersion max) {
        this.min = min;
        this.max = max;
        this.text = min == max ? min.name() : min + "–" + max;
    }

    static ProtocolRange of(TlsVersion min, TlsVersion max) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("empty protocol range " + min + ".." + max);
        }
        return RANGES[min.ordinal()][max.ordinal()];
    }

    /** The shared {@code Optional} of this range, so that callers need not allocate one. */
    Optional<ProtocolRange> asOptional() {
        return PRESENT[min.ordinal()][max.ordinal()];
    }

    TlsVersion min() {
        return min;
    }

    TlsVersion max() {
        return max;
    }

    /** The common versions, or null when there are none. */
    ProtocolRange intersectOrNull(ProtocolRange other) {
        TlsVersion low = min.compareTo(other.min) >= 0 ? min : other.min;
        TlsVersion high = max.compareTo(other.max) <= 0 ? max : other.max;
        return low.compareTo(high) <= 0 ? RANGES[low.ordinal()][high.ordinal()] : null;
    }

    @Override
    public String toString() {
        return text;
    }

    @SuppressWarnings("unchecked")
    private static Optional<ProtocolRange>[][] presentTable() {
        Optional<ProtocolRange>[][] table = new Optional[VERSIONS.length][VERSIONS.length];
        for (TlsVersion low : VERSIONS) {
            for (TlsVersion high : VERSIONS) {
                if (low.compareTo(high) <= 0) {
                    RANGES[low.ordinal()][high.ordinal()] = new ProtocolRange(low, high);
                    table[low.ordinal()][high.ordinal()] = Optional.of(RANGES[low.ordinal()][high.ordinal()]);
                }
            }
        }
        return table;
    }
}
