package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE;
import static dev.tlsconsole.policy.option.SecurityOption.SEC_PROTOCOL;
import static dev.tlsconsole.policy.option.SecurityOption.TLS;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_TARGET_NAME;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * What a client side and a server side make of a connection between them, decided from their value
 * classes alone: the mode, the negotiated protocol and which pair findings apply ({@code TLS_NOT_ON_PORT}
 * from the client, {@code AUTO_DETECT_CLIENT_FORCES_TLS}, {@code PROTOCOL_MISMATCH}/{@code _OBSOLETE},
 * the catalog's link findings, {@code TARGET_NAME_NEEDS_PACK}). A run decides it once per (client
 * class, server class, client tls) and every connection with those classes shares it; the findings'
 * text names objects, so it is rendered per connection from that connection's sides ({@link #render}),
 * on first use.
 *
 * <p>{@link #decide} reads nothing but the two classes, so connections with equal classes cannot get
 * different verdicts; the naive resolution decides for each connection on its own and the agreement
 * property test holds the two equal. Certificate cross checks and cipher lists are not part of the
 * verdict: a connection that needs them is resolved in full ({@link ConnectionResolution}).
 */
final class PairVerdict {

    private static final Optional<TlsVersion>[] RESULTS = results();

    /**
     * What the negotiation rules read of a server side: equal for ports they cannot tell apart.
     *
     * @param strictProtocol {@code sec-protocol} names one version (PROTOCOL_MISMATCH points at it)
     */
    record ServerClass(boolean speaksTls, boolean autoDetect, boolean mutual, boolean tlsNotOnPortReported,
                       Optional<ProtocolRange> range, boolean windows, boolean strictProtocol) {

        static ServerClass of(ServerSide server) {
            return new ServerClass(server.speaksTls(), server.autoDetect(), server.mutual(), server.tlsNotOnPortReported(),
                    server.range(), osDecides(server.host(), server.application()), strict(server.side()));
        }
    }

    /** What the catalog reads of a server side: its component and the port's id. */
    record ServerComponent(String componentType, String componentVersion, String portId) {

        static ServerComponent of(ServerSide server) {
            return new ServerComponent(server.application().componentType(), server.application().componentVersion(),
                    server.end().portId());
        }
    }

    /** What the negotiation rules read of a client side (its connection's {@code tls} aside). */
    record ClientClass(boolean clientAuthOff, Optional<ProtocolRange> range, boolean windows, boolean strictProtocol) {

        static ClientClass of(ClientProfile client) {
            return new ClientClass(client.clientAuthOff, client.range, osDecides(client.host, client.application()), strict(client.side));
        }
    }

    /** What the catalog reads of a client side: its component. */
    record ClientComponent(String componentType, String componentVersion) {

        static ClientComponent of(ClientProfile client) {
            return new ClientComponent(client.application().componentType(), client.application().componentVersion());
        }
    }

    /** tls-target-name is set for the host check on a pack that does not read it (TARGET_NAME_NEEDS_PACK). */
    static boolean targetNameIgnored(ClientProfile client) {
        return client.hostCheck && client.side.get(TLS_TARGET_NAME).hasValue()
                && CertificateCrossChecks.packBefore(client, CertificateCrossChecks.TARGET_NAME_PACK);
    }

    /** The client's tls, for TLS_NOT_ON_PORT and AUTO_DETECT_CLIENT_FORCES_TLS. */
    private enum TlsRequest { NONE, NOT_ON_PORT, FORCES_TLS }

    /** How negotiation failed, and which change the finding points at. */
    private enum Negotiation {
        AGREED, MISMATCH_CLIENT_OPTION, MISMATCH_SERVER_OPTION, MISMATCH_UPGRADE_CLIENT, MISMATCH_UPGRADE_SERVER,
        OBSOLETE_UPGRADE_CLIENT, OBSOLETE_UPGRADE_SERVER, OBSOLETE_SET_SERVER, OBSOLETE_SET_CLIENT, OBSOLETE_WINDOWS
    }

    final Mode mode;
    /** The mode after any upgrade: what the client findings and grading are asked for. */
    final Mode authMode;
    final Optional<TlsVersion> protocol;
    /** The codes of the findings {@link #render} adds, as bits by ordinal. */
    final long codes;
    private final TlsRequest tlsRequest;
    private final Negotiation negotiation;
    /** The common range when negotiation found an obsolete one; null otherwise. */
    private final ProtocolRange common;
    /** The catalog's verdict; null for plaintext or when it has nothing to say. */
    private final LinkRules.LinkVerdict link;
    private final boolean targetNamePack;

    private PairVerdict(Negotiated negotiated, LinkRules.LinkVerdict link, boolean targetNamePack) {
        this.mode = negotiated.mode;
        this.authMode = negotiated.authMode;
        this.protocol = negotiated.protocol;
        this.tlsRequest = negotiated.tlsRequest;
        this.negotiation = negotiated.negotiation;
        this.common = negotiated.common;
        this.link = link;
        this.targetNamePack = targetNamePack;
        long bits = switch (tlsRequest) {
            case NONE -> 0;
            case NOT_ON_PORT -> bit(FindingCode.TLS_NOT_ON_PORT);
            case FORCES_TLS -> bit(FindingCode.AUTO_DETECT_CLIENT_FORCES_TLS);
        };
        bits |= switch (negotiation) {
            case AGREED -> 0;
            case MISMATCH_CLIENT_OPTION, MISMATCH_SERVER_OPTION, MISMATCH_UPGRADE_CLIENT, MISMATCH_UPGRADE_SERVER ->
                    bit(FindingCode.PROTOCOL_MISMATCH);
            default -> bit(FindingCode.PROTOCOL_OBSOLETE);
        };
        bits |= link == null ? 0 : LinkFindings.codes(link);
        this.codes = bits | (targetNamePack ? bit(FindingCode.TARGET_NAME_NEEDS_PACK) : 0);
    }

    /**
     * What the negotiation rules alone decide for a pair of value classes: the mode, the protocol and the
     * tls and protocol findings. A run shares it by (server class, client class, client tls).
     */
    static final class Negotiated {

        /** Numbers the negotiations of a run from 1, for the keys of the verdicts built on them. */
        final int id;
        final Mode mode;
        final Mode authMode;
        final Optional<TlsVersion> protocol;
        private final TlsRequest tlsRequest;
        private final Negotiation negotiation;
        private final ProtocolRange common;
        /** The whole verdict of a plaintext pair, which the catalog and the client's host check do not change; else null. */
        final PairVerdict plaintext;

        private Negotiated(int id, Mode mode, Mode authMode, Optional<TlsVersion> protocol, TlsRequest tlsRequest,
                           Negotiation negotiation, ProtocolRange common) {
            this.id = id;
            this.mode = mode;
            this.authMode = authMode;
            this.protocol = protocol;
            this.tlsRequest = tlsRequest;
            this.negotiation = negotiation;
            this.common = common;
            this.plaintext = mode == Mode.PLAINTEXT ? new PairVerdict(this, null, false) : null;
        }
    }

    /**
     * @param clientTls true when the connection's client side resolves {@code tls=1}
     * @param id        the negotiation's number in its run (1 and up)
     */
    static Negotiated negotiate(ServerClass server, ClientClass client, boolean clientTls, int id) {
        Mode authMode = !server.speaksTls() ? Mode.PLAINTEXT
                : server.mutual() ? Mode.MUTUAL_TLS
                : client.clientAuthOff() ? Mode.ENCRYPTION_ONLY : Mode.SIMPLE_TLS;
        Mode mode = server.autoDetect() ? Mode.AUTO_DETECT : authMode;
        boolean plainPort = mode == Mode.PLAINTEXT && !server.tlsNotOnPortReported();
        TlsRequest request = !clientTls || !(plainPort || mode == Mode.AUTO_DETECT) ? TlsRequest.NONE
                : plainPort ? TlsRequest.NOT_ON_PORT : TlsRequest.FORCES_TLS;
        if (mode == Mode.PLAINTEXT) {
            return new Negotiated(id, mode, authMode, Optional.empty(), request, Negotiation.AGREED, null);
        }
        Optional<TlsVersion> protocol = Optional.empty();
        Negotiation negotiation = Negotiation.AGREED;
        ProtocolRange common = null;
        if (server.range().isPresent() && client.range().isPresent()) {
            ProtocolRange s = server.range().get();
            ProtocolRange c = client.range().get();
            common = s.intersectOrNull(c);
            if (common == null) {
                negotiation = !client.windows() && client.strictProtocol() ? Negotiation.MISMATCH_CLIENT_OPTION
                        : !server.windows() && server.strictProtocol() ? Negotiation.MISMATCH_SERVER_OPTION
                        : c.max().compareTo(s.max()) < 0 ? Negotiation.MISMATCH_UPGRADE_CLIENT : Negotiation.MISMATCH_UPGRADE_SERVER;
            } else {
                protocol = RESULTS[common.max().ordinal()];
                if (common.min().isObsolete()) {
                    negotiation = common.max().isObsolete()
                            ? c.max().isObsolete() ? Negotiation.OBSOLETE_UPGRADE_CLIENT : Negotiation.OBSOLETE_UPGRADE_SERVER
                            : !server.windows() && s.min().isObsolete() ? Negotiation.OBSOLETE_SET_SERVER
                            : !client.windows() && c.min().isObsolete() ? Negotiation.OBSOLETE_SET_CLIENT
                            : Negotiation.OBSOLETE_WINDOWS;
                } else {
                    common = null;
                }
            }
        }
        return new Negotiated(id, mode, authMode, protocol, request, negotiation, common);
    }

    /**
     * The verdict of a pair that negotiates as {@code negotiated}: for a plaintext pair that alone; else
     * with the catalog's verdict on the two components ({@code link}) and
     * the client's host check on a pack that ignores tls-target-name.
     */
    static PairVerdict of(Negotiated negotiated, LinkRules.LinkVerdict link, boolean targetNameIgnored) {
        if (negotiated.plaintext != null) {
            return negotiated.plaintext;
        }
        return new PairVerdict(negotiated, LinkFindings.silent(link) ? null : link, targetNameIgnored);
    }

    /** The reference path: everything decided afresh for one connection, nothing shared. */
    static PairVerdict decide(ServerSide server, ClientProfile client, boolean clientTls, ResolutionRun run) {
        Negotiated negotiated = negotiate(ServerClass.of(server), ClientClass.of(client), clientTls, 1);
        if (negotiated.plaintext != null) {
            return negotiated.plaintext;
        }
        return of(negotiated, run.linkRules.check(client.application().componentType(),
                        Version.orNull(client.application().componentVersion()), server.application().componentType(),
                        Version.orNull(server.application().componentVersion()), server.end().portId()),
                targetNameIgnored(client));
    }

    /** True when the verdict adds no finding: a connection's findings are then its sides' lists. */
    boolean silent() {
        return codes == 0;
    }

    /** The pair findings of one connection with these classes, in the order the checks run. */
    void render(ServerSide server, ClientProfile client, ResolvedSide clientSide, ObjectRef connection, List<Finding> out) {
        if (tlsRequest != TlsRequest.NONE) {
            out.add(tlsRequest(server, client, clientSide.get(TLS)));
        }
        if (negotiation != Negotiation.AGREED) {
            out.add(negotiation(server, client, clientSide));
        }
        if (link != null) {
            LinkFindings.render(link, server, client.application().componentType(), connection, out);
        }
        if (targetNamePack) {
            out.add(CertificateCrossChecks.targetNamePack(client, clientSide.get(TLS_TARGET_NAME)));
        }
    }

    /** TLS_NOT_ON_PORT from the client's side, or AUTO_DETECT_CLIENT_FORCES_TLS. */
    private Finding tlsRequest(ServerSide server, ClientProfile client, ResolvedOption tls) {
        // the names are described once per side: this check fires for many connections of a topology
        String asks = client.capitalisedName() + " asks for TLS (" + Describe.setting(tls) + " " + Describe.at(tls) + ")";
        if (tlsRequest == TlsRequest.NOT_ON_PORT) {
            ObjectRef port = server.end().port();
            return Finding.of(FindingCode.TLS_NOT_ON_PORT, Side.CLIENT, port, asks + " but "
                    + server.described() + " is not secure: add tls=1 to the port's transport, or remove tls=1 from the client",
                    SuggestedChange.set(port, TLS.key(), "1"));
        }
        return Finding.of(FindingCode.AUTO_DETECT_CLIENT_FORCES_TLS, Side.CLIENT, tls.source().orElseThrow(),
                asks + " immediately, but " + server.described() + " is an auto-detect port where the client must"
                        + " connect unsecured and upgrade: remove tls=1 " + Describe.at(tls),
                SuggestedChange.remove(tls.source().orElseThrow(), TLS.key()));
    }

    /** PROTOCOL_MISMATCH or PROTOCOL_OBSOLETE, each pointing at the one change that fixes it. */
    private Finding negotiation(ServerSide server, ClientProfile client, ResolvedSide clientSide) {
        Party s = new Party(server.protocolLabel(), server.host(), server.range().orElseThrow(), server.side());
        Party c = new Party(client.protocolLabel(), client.host, client.range.orElseThrow(), clientSide);
        return switch (negotiation) {
            case MISMATCH_CLIENT_OPTION -> mismatchAt(c, s, c);
            case MISMATCH_SERVER_OPTION -> mismatchAt(c, s, s);
            case MISMATCH_UPGRADE_CLIENT -> mismatchUpgrade(c, s, c);
            case MISMATCH_UPGRADE_SERVER -> mismatchUpgrade(c, s, s);
            case OBSOLETE_UPGRADE_CLIENT -> obsoleteUpgrade(c, s, c);
            case OBSOLETE_UPGRADE_SERVER -> obsoleteUpgrade(c, s, s);
            case OBSOLETE_SET_SERVER -> obsoleteSet(c, s, s);
            case OBSOLETE_SET_CLIENT -> obsoleteSet(c, s, c);
            case OBSOLETE_WINDOWS -> Finding.of(FindingCode.PROTOCOL_OBSOLETE, Side.LINK, s.host().ref(), obsoleteText(c, s)
                    + ": allow only TLS 1.2 and later in the Windows protocol settings of " + Describe.object(s.host().ref()));
            case AGREED -> throw new IllegalStateException("no negotiation finding");
        };
    }

    private static String bothText(Party client, Party server) {
        return Describe.capitalised(client.describe()) + " and " + server.describe() + " have no protocol version in common";
    }

    private static Finding mismatchAt(Party client, Party server, Party party) {
        ResolvedOption protocol = party.side().get(SEC_PROTOCOL);
        return Finding.of(FindingCode.PROTOCOL_MISMATCH, Side.LINK, protocol.source().orElseThrow(), bothText(client, server)
                + ": change " + Describe.setting(protocol) + " " + Describe.at(protocol)
                + " to a version the other side accepts, or to SSLv23",
                SuggestedChange.set(protocol.source().orElseThrow(), SEC_PROTOCOL.key(), "SSLv23"));
    }

    private static Finding mismatchUpgrade(Party client, Party server, Party older) {
        return Finding.of(FindingCode.PROTOCOL_MISMATCH, Side.LINK, older.host().ref(), bothText(client, server) + ": " + upgrade(older));
    }

    private String obsoleteText(Party client, Party server) {
        return "An obsolete protocol (" + common.min() + ") can be negotiated between " + client.describe()
                + " and " + server.describe();
    }

    private Finding obsoleteUpgrade(Party client, Party server, Party older) {
        return Finding.of(FindingCode.PROTOCOL_OBSOLETE, Side.LINK, older.host().ref(), obsoleteText(client, server) + ": " + upgrade(older));
    }

    private Finding obsoleteSet(Party client, Party server, Party party) {
        ResolvedOption protocol = party.side().get(SEC_PROTOCOL);
        ObjectRef fixAt = protocol.source().or(() -> party.side().get(CERTIFICATE).source()).orElse(party.host().ref());
        return Finding.of(FindingCode.PROTOCOL_OBSOLETE, Side.LINK, fixAt,
                obsoleteText(client, server) + ": set sec-protocol=TLSv12 " + Describe.at(fixAt),
                SuggestedChange.set(fixAt, SEC_PROTOCOL.key(), "TLSv12"));
    }

    private static String upgrade(Party party) {
        if (party.host().windows()) {
            return "allow newer protocols in the Windows protocol settings of " + Describe.object(party.host().ref());
        }
        return "upgrade the Security Pack on " + Describe.object(party.host().ref()) + " to " + SideProtocol.OPENSSL_PACK_NAME
                + " or later (TLS 1.2; " + SideProtocol.TLS13_PACK_NAME + " for TLS 1.3)";
    }

    /** One side as negotiation messages describe it. */
    private record Party(String describe, HostInfo host, ProtocolRange range, ResolvedSide side) {
    }

    /**
     * True when the Windows protocol settings decide the side's versions (a native component on Windows), so its
     * sec-protocol is not the fix; a Java component runs JSSE on Windows too (reference §1 table, IMP).
     */
    private static boolean osDecides(HostInfo host, ApplicationSnapshot application) {
        return host.windows() && !TlsStack.java(application);
    }

    private static boolean strict(ResolvedSide side) {
        return TlsVersion.fromStrict(side.get(SEC_PROTOCOL).value()).isPresent();
    }

    static long bit(FindingCode code) {
        return 1L << code.ordinal();
    }

    @SuppressWarnings("unchecked")
    private static Optional<TlsVersion>[] results() {
        Optional<TlsVersion>[] results = new Optional[TlsVersion.values().length];
        for (TlsVersion version : TlsVersion.values()) {
            results[version.ordinal()] = Optional.of(version);
        }
        return results;
    }
}
