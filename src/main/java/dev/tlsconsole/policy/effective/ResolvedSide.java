package dev.tlsconsole.policy.effective;

import dev.tlsconsole.policy.option.SecurityOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every known option of one side of a connection, defaults included, in {@link SecurityOption} order.
 * Shared between the connections of a port (server side) or a client application (client side).
 */
public final class ResolvedSide {

    private static final SecurityOption[] ALL = SecurityOption.values();

    /** Shared with the side this one was derived from; never written after construction. */
    private final ResolvedOption[] options;
    /** One option replaced without copying the array (a connection's tls=1), or null. */
    private final ResolvedOption replacement;

    private ResolvedSide(ResolvedOption[] options, ResolvedOption replacement) {
        this.options = options;
        this.replacement = replacement;
    }

    /** Takes exactly one value per known option, in {@link SecurityOption} order. */
    public static ResolvedSide of(ResolvedOption... options) {
        if (options.length != ALL.length) {
            throw new IllegalArgumentException("a side needs all " + ALL.length + " options, got " + options.length);
        }
        for (int i = 0; i < ALL.length; i++) {
            if (options[i].option() != ALL[i]) {
                throw new IllegalArgumentException("option " + i + " must be " + ALL[i].key() + ", not " + options[i].option().key());
            }
        }
        return new ResolvedSide(options.clone(), null);
    }

    public ResolvedOption get(SecurityOption option) {
        return replacement != null && replacement.option() == option ? replacement : options[option.ordinal()];
    }

    public String value(SecurityOption option) {
        return get(option).value();
    }

    /**
     * This side with one option replaced. Cheap: it shares this side's values, because every
     * connection that sets only {@code tls=1} derives its client side this way.
     */
    public ResolvedSide with(ResolvedOption replaced) {
        if (replacement == null || replacement.option() == replaced.option()) {
            return new ResolvedSide(options, replaced);
        }
        ResolvedOption[] copy = values();
        copy[replaced.option().ordinal()] = replaced;
        return new ResolvedSide(copy, null);
    }

    /** Every option in {@link SecurityOption} order. */
    public List<ResolvedOption> options() {
        return List.of(values());
    }

    /** Keyed by Genesys option name, in {@link SecurityOption} order: the shape of the API's {@code clientSide}. */
    public Map<String, ResolvedOption> asMap() {
        Map<String, ResolvedOption> map = new LinkedHashMap<>();
        for (ResolvedOption option : values()) {
            map.put(option.option().key(), option);
        }
        return Collections.unmodifiableMap(map);
    }

    private ResolvedOption[] values() {
        ResolvedOption[] values = options.clone();
        if (replacement != null) {
            values[replacement.option().ordinal()] = replacement;
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResolvedSide side && Arrays.equals(values(), side.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        return Arrays.toString(values());
    }
}
