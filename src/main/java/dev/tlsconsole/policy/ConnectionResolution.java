package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CIPHER_LIST;
import static dev.tlsconsole.policy.option.SecurityOption.TLS;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.ParsedTransport;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import dev.tlsconsole.policy.snapshot.TransportShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts one connection together from its cached server side and client side: the mode, what only the
 * pair can decide (TLS asked of a plain port, protocol, catalog, certificate cross checks) and the
 * grade. The pair rules come from a {@link PairVerdict} the run shares between connections whose
 * sides have equal value classes. A connection whose transport is one of the usual shapes (nothing, or
 * nothing but {@code tls}), without HA backup, certificates the console knows or cipher lists, gets a
 * small {@link EffectivePolicy} that points at the shared parts; its client side's provenance and the
 * text of its findings are rendered on first use ({@link Deferred}). Every other connection is put
 * together in full; each shape of its transport has its own method below.
 */
final class ConnectionResolution {

    private ConnectionResolution() {
    }

    static EffectivePolicy resolve(ResolutionRun run, int ci) {
        int portIndex = run.snapshot.portOfConnection(ci);
        ServerSide server = run.server(portIndex);
        int backupPort = run.snapshot.backupPortOfPort(portIndex);
        if (!run.naive && backupPort < 0 && server.application().backup().isEmpty()) {
            EffectivePolicy shared = shared(run, ci, server);
            if (shared != null) {
                return shared;
            }
        }
        Pair primary = pair(run, ci, server);
        Optional<EffectivePolicy.Backup> backup = Optional.empty();
        List<Finding> findings = primary.findings();
        Grading.Result grade = primary.grade();
        if (backupPort >= 0) {
            backup = Optional.of(backup(run, ci, primary, run.server(backupPort)));
        } else if (server.application().backup().isPresent()) {
            findings = new ArrayList<>(findings);
            findings.add(backupPortMissing(run, server));
            findings = FindingList.bySeverity(findings);
            grade = run.grading.grade(primary.mode(), primary.authMode(), primary.protocol(), findings,
                    primary.clientSide(), server.side());
        }
        Grade worst = grade.grade();
        List<String> reasons = grade.reasons();
        if (backup.isPresent() && backup.get().grade().worse(worst) != worst) {
            worst = backup.get().grade();
            reasons = backup.get().gradeReasons().stream().map(reason -> "backup: " + reason).toList();
        }
        return new EffectivePolicy(run.snapshot.connectionId(ci), primary.client().end, server.end(), primary.mode(),
                primary.protocol(), primary.clientSide(), server.side(), findings, worst, reasons, backup);
    }

    /**
     * A connection without the checks the verdict leaves out: a look-up and one small object. Null when
     * it must be put together in full.
     */
    private static EffectivePolicy shared(ResolutionRun run, int ci, ServerSide server) {
        int clientIndex = run.snapshot.clientOfConnection(ci);
        Deferred deferred = switch (run.snapshot.connectionShape(ci)) {
            case NONE -> sharedWithoutTransport(run, ci, server, clientIndex);
            case TLS_ONE -> sharedWithTlsOne(run, ci, server, clientIndex);
            case OTHER -> sharedWithTransport(run, ci, server, clientIndex);
        };
        PairVerdict verdict = deferred.verdict;
        if (verdict.mode != Mode.PLAINTEXT && needsFullChecks(run, server, deferred.client, verdict.authMode)) {
            return null;
        }
        long codes = Grading.codes(server.findings()) | Grading.codes(deferred.clientFindings) | deferred.ownCodes | verdict.codes;
        Grading.Result grade = run.grading.grade(verdict.mode, verdict.authMode, verdict.protocol, codes, deferred.client.side,
                server.side());
        return EffectivePolicy.deferred(run.snapshot.connectionId(ci), deferred.client.end, server.end(), verdict.mode,
                verdict.protocol, server.side(), grade.grade(), grade.reasons(), deferred);
    }

    /** Shape NONE shared: the application's profile is the whole client side; its invalid tls is reported. */
    private static Deferred sharedWithoutTransport(ResolutionRun run, int ci, ServerSide server, int clientIndex) {
        ClientProfile client = run.profile(clientIndex);
        PairVerdict verdict = run.verdict(server, client, client.side.get(TLS).is("1"));
        return new Deferred(run.snapshot, ci, server, client, verdict, run.clientFindings(client, verdict.authMode), null,
                null, null, client.invalidTls.isPresent() ? Grading.bit(FindingCode.INVALID_VALUE) : 0);
    }

    /** Shape TLS_ONE shared: the application's profile with {@code tls=1} from the connection, nothing to report. */
    private static Deferred sharedWithTlsOne(ResolutionRun run, int ci, ServerSide server, int clientIndex) {
        ClientProfile client = run.profile(clientIndex);
        PairVerdict verdict = run.verdict(server, client, true);
        return new Deferred(run.snapshot, ci, server, client, verdict, run.clientFindings(client, verdict.authMode), null,
                null, "1", 0);
    }

    /**
     * Shape OTHER shared: the transport's own findings, then the application's profile with the
     * connection's {@code tls} (when that is all it sets) or the profile shared by the application's
     * connections with these same options (whose findings naming the placeholder are rewritten on use).
     */
    private static Deferred sharedWithTransport(ResolutionRun run, int ci, ServerSide server, int clientIndex) {
        ParsedTransport transport = run.snapshot.connectionTransport(ci);
        long transportCodes = run.transportCodes(transport);
        if (transport.setsAtMostTls()) {
            ClientProfile client = run.profile(clientIndex);
            String tls = transport.options().get(TLS.key());
            ResolvedOption own = client.side.get(TLS);
            boolean set = tls != null || own.isSet();
            String value = tls != null ? tls : own.value();
            PairVerdict verdict = run.verdict(server, client, "1".equals(value));
            return new Deferred(run.snapshot, ci, server, client, verdict, run.clientFindings(client, verdict.authMode), null,
                    transport, tls, transportCodes | invalidTlsCode(set, value));
        }
        ClientProfile template = run.template(clientIndex, transport.options());
        PairVerdict verdict = run.verdict(server, template, template.side.get(TLS).is("1"));
        return new Deferred(run.snapshot, ci, server, template, verdict, run.clientFindings(template, verdict.authMode),
                run.clientMentions(template, verdict.authMode), transport, null,
                transportCodes | invalidTlsCode(template.side.get(TLS).isSet(), template.side.get(TLS).value()));
    }

    /** The code of the INVALID_VALUE {@link #invalidTls} reports for a client tls, as a bit; 0 when none. */
    private static long invalidTlsCode(boolean set, String value) {
        return set && TLS.check(value).isPresent() ? Grading.bit(FindingCode.INVALID_VALUE) : 0;
    }

    /** Certificate cross checks and cipher lists: what the shared verdict does not decide. */
    private static boolean needsFullChecks(ResolutionRun run, ServerSide server, ClientProfile client, Mode authMode) {
        return server.certificate().isPresent() || authMode == Mode.MUTUAL_TLS && run.clientCertificate(client).isPresent()
                || server.side().get(CIPHER_LIST).hasValue() || client.side.get(CIPHER_LIST).hasValue();
    }

    /**
     * What a shared connection works out on first use, as the full path would have: its client side
     * (the profile's, with the connection's own {@code tls} or, for a shared template, the connection in
     * place of the placeholder) and its findings, the sides' shared lists merged with what only this
     * connection adds (its transport's findings, an invalid tls, the verdict's pair findings).
     */
    private static final class Deferred implements EffectivePolicy.Deferred {

        private final TopologySnapshot snapshot;
        private final int ci;
        private final ServerSide server;
        final ClientProfile client;
        final PairVerdict verdict;
        /** The client findings for the verdict's mode, shared by the profile's connections. */
        final List<Finding> clientFindings;
        /** For a shared template: which of {@link #clientFindings} name the placeholder; null otherwise. */
        private final boolean[] mentioning;
        /** Shape OTHER: the connection's transport, whose findings name it; null otherwise. */
        private final ParsedTransport transport;
        /** The tls the connection sets on top of its application's profile; null when none or a template. */
        private final String tls;
        /** The codes of the findings only this connection adds besides the verdict's. */
        final long ownCodes;

        Deferred(TopologySnapshot snapshot, int ci, ServerSide server, ClientProfile client, PairVerdict verdict,
                 List<Finding> clientFindings, boolean[] mentioning, ParsedTransport transport, String tls, long ownCodes) {
            this.snapshot = snapshot;
            this.ci = ci;
            this.server = server;
            this.client = client;
            this.verdict = verdict;
            this.clientFindings = clientFindings;
            this.mentioning = mentioning;
            this.transport = transport;
            this.tls = tls;
            this.ownCodes = ownCodes;
        }

        @Override
        public ResolvedSide clientSide() {
            if (mentioning != null) {
                return client.sideFor(snapshot.connectionRef(ci));
            }
            return tls == null ? client.side
                    : client.side.with(new ResolvedOption(TLS, tls, Level.CONNECTION, Optional.of(snapshot.connectionRef(ci))));
        }

        @Override
        public List<Finding> findings() {
            ObjectRef connection = snapshot.connectionRef(ci);
            ResolvedSide clientSide = clientSide();
            FindingList findings = new FindingList();
            findings.server(server.findings());
            findings.client(mentioning == null ? clientFindings : ClientProfile.forConnection(clientFindings, mentioning, connection));
            if (transport != null) {
                LevelFindings.ofTransport(transport, connection, Side.CLIENT, findings.extra());
                invalidTls(clientSide, findings);
            } else if (tls == null) {
                client.invalidTls.ifPresent(findings::add);
            }
            verdict.render(server, client, clientSide, connection, findings.extra());
            return findings.sorted();
        }
    }

    /** The connection as it is after failover: everything again against the backup's port (reference §8 E1). */
    private static EffectivePolicy.Backup backup(ResolutionRun run, int ci, Pair primary, ServerSide backupServer) {
        Pair pair = pair(run, ci, backupServer);
        List<Finding> all = new ArrayList<>(pair.findings());
        if (pair.mode() != primary.mode()) {
            ObjectRef port = backupServer.end().port();
            all.add(Finding.of(FindingCode.BACKUP_MODE_DIFFERS, Side.SERVER, port, "At switchover the client meets "
                    + Describe.object(port) + " as " + pair.mode() + ", not " + primary.mode() + " as on the primary's "
                    + Describe.object(primary.server().end().port()) + ": give the backup's port the same listening mode and"
                    + " TLS options as the primary's"));
        }
        all = FindingList.bySeverity(all);
        Grading.Result grade = run.grading.grade(pair.mode(), pair.authMode(), pair.protocol(), all, pair.clientSide(),
                backupServer.side());
        Set<Finding> shown = new HashSet<>(primary.findings());
        List<Finding> own = all.stream().filter(finding -> !shown.contains(finding)).toList();
        return new EffectivePolicy.Backup(backupServer.end(), pair.mode(), pair.protocol(), backupServer.side(), own,
                grade.grade(), grade.reasons());
    }

    private static Finding backupPortMissing(ResolutionRun run, ServerSide server) {
        long backupId = server.application().backup().getAsLong();
        ObjectRef backupRef = run.applicationRef(run.snapshot.indexOf(ObjectType.APPLICATION, backupId).getAsInt());
        String portId = server.end().portId();
        return Finding.of(FindingCode.BACKUP_PORT_MISSING, Side.SERVER, backupRef, Describe.capitalised(
                Describe.object(server.end().application())) + " has the HA backup " + Describe.object(backupRef)
                + ", which has no port '" + portId + "': a client that fails over has nowhere to connect; add port '"
                + portId + "' to " + Describe.object(backupRef) + " with the same TLS settings as the primary's");
    }

    /** One side of the pair resolved: the client against one server port, before any HA additions. */
    private record Pair(ServerSide server, ClientProfile client, ResolvedSide clientSide, Mode mode, Mode authMode,
                        Optional<TlsVersion> protocol, List<Finding> findings, Grading.Result grade) {
    }

    private static Pair pair(ResolutionRun run, int ci, ServerSide server) {
        int clientIndex = run.snapshot.clientOfConnection(ci);
        FindingList findings = new FindingList();
        ClientOfConnection own = run.naive ? fromOwnLayers(run, ci, clientIndex, findings)
                : switch (run.snapshot.connectionShape(ci)) {
                    case NONE -> withoutTransport(run, clientIndex, findings);
                    case TLS_ONE -> withTlsOne(run, ci, clientIndex);
                    case OTHER -> withTransport(run, ci, clientIndex, findings);
                };
        ClientProfile client = own.profile();
        ResolvedSide clientSide = own.side();
        PairVerdict verdict = run.verdict(server, client, clientSide.get(TLS).is("1"));
        Mode mode = verdict.mode;
        Mode authMode = verdict.authMode;

        findings.server(server.findings());
        findings.client(own.placeholderFor() == null ? run.clientFindings(client, authMode)
                : run.clientFindings(client, authMode, own.placeholderFor()));
        verdict.render(server, client, clientSide, run.snapshot.connectionRef(ci), findings.extra());
        if (mode != Mode.PLAINTEXT) {
            CertificateCrossChecks.check(run, server, client, clientSide, authMode, findings);
            CipherChecks.check(run, server, client, clientIndex, clientSide, verdict.protocol, findings);
        }
        var sorted = findings.sorted();
        Grading.Result grade = run.grading.grade(mode, authMode, verdict.protocol, sorted, clientSide, server.side());
        return new Pair(server, client, clientSide, mode, authMode, verdict.protocol, sorted, grade);
    }

    /**
     * The client side a connection gets: the profile it shares, the side with its own provenance, and
     * the connection whose name replaces {@link ClientProfile#PLACEHOLDER} in the profile's findings
     * (null when the profile names no connection).
     */
    private record ClientOfConnection(ClientProfile profile, ResolvedSide side, ObjectRef placeholderFor) {
    }

    /** Shape NONE: the transport sets no TLS option, so the client application's profile is the whole client side. */
    private static ClientOfConnection withoutTransport(ResolutionRun run, int clientIndex, FindingList findings) {
        ClientProfile client = run.profile(clientIndex);
        client.invalidTls.ifPresent(findings::add);
        return new ClientOfConnection(client, client.side, null);
    }

    /** Shape TLS_ONE: the application's profile with {@code tls=1} from the connection, nothing to report. */
    private static ClientOfConnection withTlsOne(ResolutionRun run, int ci, int clientIndex) {
        ClientProfile client = run.profile(clientIndex);
        return new ClientOfConnection(client, client.side.with(new ResolvedOption(TLS, "1", Level.CONNECTION,
                Optional.of(run.snapshot.connectionRef(ci)))), null);
    }

    /**
     * Shape OTHER: the transport's own findings, then either the application's profile with the
     * connection's {@code tls} (when that is all it sets) or the profile shared by the application's
     * connections with these same options, read for this connection.
     */
    private static ClientOfConnection withTransport(ResolutionRun run, int ci, int clientIndex, FindingList findings) {
        ParsedTransport transport = run.snapshot.connectionTransport(ci);
        ObjectRef connection = run.snapshot.connectionRef(ci);
        LevelFindings.ofTransport(transport, connection, Side.CLIENT, findings.extra());
        ClientOfConnection own;
        if (transport.setsAtMostTls()) {
            ClientProfile client = run.profile(clientIndex);
            String tls = transport.options().get(TLS.key());
            own = new ClientOfConnection(client, tls == null ? client.side
                    : client.side.with(new ResolvedOption(TLS, tls, Level.CONNECTION, Optional.of(connection))), null);
        } else {
            ClientProfile template = run.template(clientIndex, transport.options());
            own = new ClientOfConnection(template, template.sideFor(connection), connection);
        }
        invalidTls(own.side(), findings);
        return own;
    }

    /** The reference path ({@link ResolutionRun#naive}): a profile of the connection's own, from its four layers. */
    private static ClientOfConnection fromOwnLayers(ResolutionRun run, int ci, int clientIndex, FindingList findings) {
        ParsedTransport transport = run.snapshot.connectionTransport(ci);
        ObjectRef connection = run.snapshot.connectionRef(ci);
        LevelFindings.ofTransport(transport, connection, Side.CLIENT, findings.extra());
        ClientProfile client = run.newProfile(clientIndex, Optional.of(new Layer(connection, transport.options())));
        invalidTls(client.side, findings);
        return new ClientOfConnection(client, client.side, null);
    }

    /** INVALID_VALUE for the client's tls, which profiles leave to the connection because a connection may override it. */
    private static void invalidTls(ResolvedSide clientSide, FindingList findings) {
        ResolvedOption tls = clientSide.get(TLS);
        if (tls.isSet()) {
            LevelFindings.invalidValue(tls, Side.CLIENT).ifPresent(findings::add);
        }
    }
}
