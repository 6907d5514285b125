package dev.tlsconsole.policy;

import java.util.Optional;

/**
 * How negotiation messages name a side. What two sides negotiate (the highest version in the
 * intersection of what each accepts; an empty intersection is {@code PROTOCOL_MISMATCH}, one reaching
 * below TLS 1.2 {@code PROTOCOL_OBSOLETE}) is decided in {@link PairVerdict}.
 */
final class ProtocolNegotiation {

    private ProtocolNegotiation() {
    }

    /** "port 'confserv:default' (TLSv12–TLSv13 on UNIX host 'cfg-host')", computed once per side. */
    static String label(String object, HostInfo host, Optional<ProtocolRange> range) {
        return object + " (" + range.map(ProtocolRange::toString).orElse("no TLS") + " on " + host.describe() + ")";
    }
}
