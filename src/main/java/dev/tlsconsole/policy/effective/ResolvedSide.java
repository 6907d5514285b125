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

    private final ResolvedOption[] options;
    private final List<ResolvedOption> list;

    private ResolvedSide(ResolvedOption[] options) {
        this.options = options;
        this.list = List.of(options);
    }

    /** Takes exactly one value per known option, in {@link SecurityOption} order. */
    public static ResolvedSide of(ResolvedOption... options) {
        SecurityOption[] all = SecurityOption.values();
        if (options.length != all.length) {
            throw new IllegalArgumentException("a side needs all " + all.length + " options, got " + options.length);
        }
        for (int i = 0; i < all.length; i++) {
            if (options[i].option() != all[i]) {
                throw new IllegalArgumentException("option " + i + " must be " + all[i].key() + ", not " + options[i].option().key());
            }
        }
        return new ResolvedSide(options.clone());
    }

    public ResolvedOption get(SecurityOption option) {
        return options[option.ordinal()];
    }

    public String value(SecurityOption option) {
        return options[option.ordinal()].value();
    }

    /** A copy with one option replaced. */
    public ResolvedSide with(ResolvedOption replacement) {
        ResolvedOption[] copy = options.clone();
        copy[replacement.option().ordinal()] = replacement;
        return new ResolvedSide(copy);
    }

    public List<ResolvedOption> options() {
        return list;
    }

    /** Keyed by Genesys option name, in {@link SecurityOption} order: the shape of the API's {@code clientSide}. */
    public Map<String, ResolvedOption> asMap() {
        Map<String, ResolvedOption> map = new LinkedHashMap<>();
        for (ResolvedOption option : options) {
            map.put(option.option().key(), option);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResolvedSide side && Arrays.equals(options, side.options);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(options);
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
