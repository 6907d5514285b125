package dev.tlsconsole.policy.snapshot;

/**
 * What a connection's transport asks of the engine, decided once when the snapshot is built so that
 * bulk resolution can take the short road for the usual connections without touching the parsed text.
 */
public enum TransportShape {
    /** no TLS option and nothing to report (other parameters such as {@code port} may be present) */
    NONE,
    /** exactly {@code tls=1} as far as TLS options go, and nothing to report */
    TLS_ONE,
    /** anything else: other TLS options, misplaced or misspelt keys, or a parse error */
    OTHER;

    static TransportShape of(ParsedTransport transport) {
        if (transport.error().isPresent() || !transport.misplaced().isEmpty() || !transport.misspelt().isEmpty()) {
            return OTHER;
        }
        if (transport.options().isEmpty()) {
            return NONE;
        }
        return transport.options().size() == 1 && "1".equals(transport.options().get("tls")) ? TLS_ONE : OTHER;
    }
}
