package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE;
import static dev.tlsconsole.policy.option.SecurityOption.SEC_PROTOCOL;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.Optional;

/**
 * The protocol two sides would negotiate: the highest version in the intersection of what each side
 * accepts. An empty intersection is {@code PROTOCOL_MISMATCH}; an intersection reaching below TLS 1.2
 * is {@code PROTOCOL_OBSOLETE}. Each finding points at the one change that fixes it.
 */
final class ProtocolNegotiation {

    private static final Optional<TlsVersion>[] RESULTS = results();

    private ProtocolNegotiation() {
    }

    /** Empty when a side cannot do TLS at all (already reported) or the sides do not agree. */
    static Optional<TlsVersion> negotiate(ServerSide server, ClientProfile client, ResolvedSide clientSide, FindingList out) {
        if (server.range().isEmpty() || client.range.isEmpty()) {
            return Optional.empty();
        }
        ProtocolRange common = server.range().get().intersectOrNull(client.range.get());
        if (common != null && !common.min().isObsolete()) {
            return RESULTS[common.max().ordinal()];
        }
        Party s = new Party(server.protocolLabel(), server.host(), server.range().get(), server.side());
        Party c = new Party(client.protocolLabel, client.host, client.range.get(), clientSide);
        if (common == null) {
            out.add(mismatch(s, c));
            return Optional.empty();
        }
        out.add(obsolete(s, c, common));
        return RESULTS[common.max().ordinal()];
    }

    private static Finding mismatch(Party server, Party client) {
        String both = Describe.capitalised(client.describe()) + " and " + server.describe() + " have no protocol version in common";
        for (Party party : new Party[] {client, server}) {
            ResolvedOption protocol = party.side().get(SEC_PROTOCOL);
            if (!party.host().windows() && TlsVersion.fromStrict(protocol.value()).isPresent()) {
                return Finding.of(FindingCode.PROTOCOL_MISMATCH, Side.LINK, protocol.source().orElseThrow(), both
                        + ": change " + Describe.setting(protocol) + " " + Describe.at(protocol)
                        + " to a version the other side accepts, or to SSLv23",
                        SuggestedChange.set(protocol.source().orElseThrow(), SEC_PROTOCOL.key(), "SSLv23"));
            }
        }
        Party older = client.range().max().compareTo(server.range().max()) < 0 ? client : server;
        return Finding.of(FindingCode.PROTOCOL_MISMATCH, Side.LINK, older.host().ref(), both + ": " + upgrade(older));
    }

    private static Finding obsolete(Party server, Party client, ProtocolRange common) {
        String text = "An obsolete protocol (" + common.min() + ") can be negotiated between " + client.describe()
                + " and " + server.describe();
        if (common.max().isObsolete()) {
            Party older = client.range().max().isObsolete() ? client : server;
            return Finding.of(FindingCode.PROTOCOL_OBSOLETE, Side.LINK, older.host().ref(), text + ": " + upgrade(older));
        }
        for (Party party : new Party[] {server, client}) {
            if (!party.host().windows() && party.range().min().isObsolete()) {
                ResolvedOption protocol = party.side().get(SEC_PROTOCOL);
                ObjectRef fixAt = protocol.source().or(() -> party.side().get(CERTIFICATE).source()).orElse(party.host().ref());
                return Finding.of(FindingCode.PROTOCOL_OBSOLETE, Side.LINK, fixAt,
                        text + ": set sec-protocol=TLSv12 " + Describe.at(fixAt),
                        SuggestedChange.set(fixAt, SEC_PROTOCOL.key(), "TLSv12"));
            }
        }
        return Finding.of(FindingCode.PROTOCOL_OBSOLETE, Side.LINK, server.host().ref(),
                text + ": allow only TLS 1.2 and later in the Windows protocol settings of " + Describe.object(server.host().ref()));
    }

    private static String upgrade(Party party) {
        if (party.host().windows()) {
            return "allow newer protocols in the Windows protocol settings of " + Describe.object(party.host().ref());
        }
        return "upgrade the Security Pack on " + Describe.object(party.host().ref()) + " to " + SideProtocol.OPENSSL_PACK_NAME
                + " or later (TLS 1.2; " + SideProtocol.TLS13_PACK_NAME + " for TLS 1.3)";
    }

    @SuppressWarnings("unchecked")
    private static Optional<TlsVersion>[] results() {
        Optional<TlsVersion>[] results = new Optional[TlsVersion.values().length];
        for (TlsVersion version : TlsVersion.values()) {
            results[version.ordinal()] = Optional.of(version);
        }
        return results;
    }

    /** One side as negotiation messages describe it. */
    private record Party(String describe, HostInfo host, ProtocolRange range, ResolvedSide side) {
    }

    /** "port 'confserv:default' (TLSv12–TLSv13 on UNIX host 'cfg-host')", computed once per side. */
    static String label(String object, HostInfo host, Optional<ProtocolRange> range) {
        return object + " (" + range.map(ProtocolRange::toString).orElse("no TLS") + " on " + host.describe() + ")";
    }
}
