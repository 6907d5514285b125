package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import java.util.OptionalInt;

/**
 * DESIGN.md §3 rules 1 and 2 for one side: each option independently from the most specific layer that
 * sets it, except the certificate block, which comes whole from the first layer that sets any of it.
 */
final class SideResolver {

    private static final SecurityOption[] OPTIONS = SecurityOption.values();

    private SideResolver() {
    }

    /**
     * @param all    the layers, most specific first
     * @param server true for the server side, where {@code tls} counts only on the port itself
     */
    static ResolvedSide resolve(Layer[] all, boolean server) {
        Layer[] layers = nonEmpty(all);
        ResolvedOption[] resolved = new ResolvedOption[OPTIONS.length];
        for (SecurityOption option : OPTIONS) {
            if (!option.inCertificateBlock()) {
                resolved[option.ordinal()] = resolveOne(layers, option, server);
            }
        }
        OptionalInt block = certificateBlockLayer(layers);
        for (SecurityOption option : OPTIONS) {
            if (option.inCertificateBlock()) {
                resolved[option.ordinal()] = block.isEmpty() ? ResolvedOption.defaultOf(option)
                        : fromBlock(layers[block.getAsInt()], option);
            }
        }
        return ResolvedSide.of(resolved);
    }

    /** The layers that set anything: most sections are empty, and each option would look into each layer. */
    private static Layer[] nonEmpty(Layer[] layers) {
        int count = 0;
        for (Layer layer : layers) {
            count += layer.values().isEmpty() ? 0 : 1;
        }
        if (count == layers.length) {
            return layers;
        }
        Layer[] out = new Layer[count];
        int n = 0;
        for (Layer layer : layers) {
            if (!layer.values().isEmpty()) {
                out[n++] = layer;
            }
        }
        return out;
    }

    private static ResolvedOption resolveOne(Layer[] layers, SecurityOption option, boolean server) {
        for (Layer layer : layers) {
            if (!readAt(option, layer.level(), server)) {
                continue;
            }
            String value = layer.values().get(option.key());
            if (value != null) {
                return new ResolvedOption(option, value, layer.level(), layer.source());
            }
        }
        return ResolvedOption.defaultOf(option);
    }

    /** True when Genesys reads {@code option} at {@code level} on this side. */
    static boolean readAt(SecurityOption option, Level level, boolean server) {
        return option.settableAt(level) && !(server && option == SecurityOption.TLS && level != Level.PORT);
    }

    /** Index of the first layer setting any of certificate, certificate-key, trusted-ca. */
    static OptionalInt certificateBlockLayer(Layer[] layers) {
        for (int i = 0; i < layers.length; i++) {
            for (SecurityOption option : OPTIONS) {
                if (option.inCertificateBlock() && layers[i].values().containsKey(option.key())) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** A block member missing at the block's layer is unset there, not inherited: value "" at that layer. */
    private static ResolvedOption fromBlock(Layer layer, SecurityOption option) {
        return new ResolvedOption(option, layer.values().getOrDefault(option.key(), ""), layer.level(), layer.source());
    }
}
