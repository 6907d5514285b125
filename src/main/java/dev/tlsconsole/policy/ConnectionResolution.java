package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.TLS;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.ParsedTransport;
import java.util.Optional;

/**
 * Puts one connection together from its cached server side and client side: the mode, what only the
 * pair can decide (TLS asked of a plain port, protocol, catalog, certificate cross checks) and the grade.
 */
final class ConnectionResolution {

    private ConnectionResolution() {
    }

    static EffectivePolicy resolve(ResolutionRun run, int ci) {
        ServerSide server = run.server(run.snapshot.portOfConnection(ci));
        int clientIndex = run.snapshot.clientOfConnection(ci);
        ParsedTransport transport = run.snapshot.connectionTransport(ci);
        ObjectRef connectionRef = needsConnectionRef(transport) ? run.snapshot.connectionRef(ci) : null;
        ClientProfile client;
        ResolvedSide clientSide;
        if (transport.setsAtMostTls()) {
            client = run.profile(clientIndex);
            String tls = transport.options().get(TLS.key());
            clientSide = tls == null ? client.side
                    : client.side.with(new ResolvedOption(TLS, tls, Level.CONNECTION, Optional.of(connectionRef)));
        } else {
            client = new ClientProfile(run, clientIndex, Optional.of(new Layer(connectionRef, transport.options())));
            clientSide = client.side;
        }
        Mode authMode = !server.speaksTls() ? Mode.PLAINTEXT
                : server.mutual() ? Mode.MUTUAL_TLS
                : client.clientAuthOff ? Mode.ENCRYPTION_ONLY : Mode.SIMPLE_TLS;
        Mode mode = server.autoDetect() ? Mode.AUTO_DETECT : authMode;

        FindingList findings = new FindingList();
        findings.addAll(server.findings());
        if (connectionRef != null) {
            LevelFindings.ofTransport(transport, connectionRef, Side.CLIENT, findings.asList());
        }
        ResolvedOption tls = clientSide.get(TLS);
        if (tls.isSet()) {
            LevelFindings.invalidValue(tls, Side.CLIENT).ifPresent(findings::add);
        }
        findings.addAll(client.findings(authMode));
        tlsRequest(server, client, tls, mode, findings);

        Optional<TlsVersion> protocol = Optional.empty();
        if (mode != Mode.PLAINTEXT) {
            protocol = ProtocolNegotiation.negotiate(server, client, clientSide, findings);
            LinkFindings.catalog(run, server, clientIndex, ci, findings);
            CertificateCrossChecks.check(run, server, client, clientSide, authMode, findings);
        }
        Grading.Result grade = Grading.grade(mode, authMode, protocol, findings, clientSide, server.side());
        return new EffectivePolicy(run.snapshot.connection(ci).id(), client.end, server.end(), mode, protocol,
                clientSide, server.side(), findings.sorted(), grade.grade(), grade.reasons());
    }

    private static boolean needsConnectionRef(ParsedTransport transport) {
        return !transport.options().isEmpty() || transport.error().isPresent()
                || !transport.misplaced().isEmpty() || !transport.misspelt().isEmpty();
    }

    /** TLS_NOT_ON_PORT from the client's side, and AUTO_DETECT_CLIENT_FORCES_TLS. */
    private static void tlsRequest(ServerSide server, ClientProfile client, ResolvedOption tls, Mode mode, FindingList findings) {
        if (!tls.is("1")) {
            return;
        }
        ObjectRef port = server.end().port();
        String asks = Describe.capitalised(Describe.object(client.end.application())) + " asks for TLS ("
                + Describe.setting(tls) + " " + Describe.at(tls) + ")";
        if (mode == Mode.PLAINTEXT && !server.tlsNotOnPortReported()) {
            findings.add(Finding.of(FindingCode.TLS_NOT_ON_PORT, Side.CLIENT, port, asks + " but " + Describe.object(port)
                    + " is not secure: add tls=1 to the port's transport, or remove tls=1 from the client"));
        } else if (mode == Mode.AUTO_DETECT) {
            findings.add(Finding.of(FindingCode.AUTO_DETECT_CLIENT_FORCES_TLS, Side.CLIENT, tls.source().orElseThrow(),
                    asks + " immediately, but " + Describe.object(port) + " is an auto-detect port where the client must"
                            + " connect unsecured and upgrade: remove tls=1 " + Describe.at(tls)));
        }
    }
}
