package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.TlsVersion;
import java.util.Optional;

/** The protocol versions one side will accept, {@code min..max} inclusive. */
record ProtocolRange(TlsVersion min, TlsVersion max) {

    Optional<ProtocolRange> intersect(ProtocolRange other) {
        TlsVersion low = min.compareTo(other.min) >= 0 ? min : other.min;
        TlsVersion high = max.compareTo(other.max) <= 0 ? max : other.max;
        return low.compareTo(high) <= 0 ? Optional.of(new ProtocolRange(low, high)) : Optional.empty();
    }

    boolean pinned() {
        return min == max;
    }

    @Override
    public String toString() {
        return pinned() ? min.name() : min + "–" + max;
    }
}
