package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE;
import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE_KEY;
import static dev.tlsconsole.policy.option.SecurityOption.SEC_PROTOCOL;
import static dev.tlsconsole.policy.option.SecurityOption.TLS;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_MUTUAL;
import static dev.tlsconsole.policy.option.SecurityOption.TRUSTED_CA;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.effective.EffectivePolicy.ServerEnd;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.ParsedTransport;
import dev.tlsconsole.policy.snapshot.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server side of every connection to one port, resolved once per port: Port transport →
 * application {@code [security]} → host annex {@code [security]} → default, and everything about it
 * that does not depend on the client. Immutable, so a bulk resolution builds each port's side once and
 * shares it between the threads that resolve its connections; what is remembered per port and
 * client (the catalog's verdicts) lives in the {@link ResolutionRun}.
 */
final class ServerSide {

    private final int portIndex;
    private final ResolvedSide side;
    private final ServerEnd end;
    private final HostInfo host;
    private final ApplicationSnapshot application;
    // the texts only findings read, made on first use (immutable strings: a racing second computation is harmless)
    private String protocolLabel;
    private String described;
    private final boolean secure;
    private final boolean autoDetect;
    private final boolean mutual;
    private final boolean tlsNotOnPortReported;
    private final Optional<ProtocolRange> range;
    private final Optional<KnownCertificate> certificate;
    private final List<Finding> findings;
    private final PairVerdict.ServerClass valueClass;
    /** The numbers of {@link #valueClass} and of the component the catalog reads, in the resolution's {@link ValueClasses}. */
    final int classId;
    final int componentId;

    private ServerSide(ValueClasses classes, int portIndex, ResolvedSide side, ServerEnd end, HostInfo host, ApplicationSnapshot application,
                       boolean secure, boolean autoDetect, boolean mutual, boolean tlsNotOnPortReported,
                       Optional<ProtocolRange> range, Optional<KnownCertificate> certificate, List<Finding> findings) {
        this.portIndex = portIndex;
        this.side = side;
        this.end = end;
        this.host = host;
        this.application = application;
        this.secure = secure;
        this.autoDetect = autoDetect;
        this.mutual = mutual;
        this.tlsNotOnPortReported = tlsNotOnPortReported;
        this.range = range;
        this.certificate = certificate;
        this.findings = findings;
        this.valueClass = PairVerdict.ServerClass.of(this);
        this.classId = classes.id(valueClass);
        this.componentId = classes.id(PairVerdict.ServerComponent.of(this));
    }

    /** What the negotiation rules read of this side, for sharing verdicts between connections. */
    PairVerdict.ServerClass valueClass() {
        return valueClass;
    }

    /** The port's dense index in the snapshot (see the package documentation). */
    int portIndex() {
        return portIndex;
    }

    ResolvedSide side() {
        return side;
    }

    ServerEnd end() {
        return end;
    }

    HostInfo host() {
        return host;
    }

    ApplicationSnapshot application() {
        return application;
    }

    /** The side as protocol findings describe it (see {@link ProtocolNegotiation#label}). */
    String protocolLabel() {
        String label = protocolLabel;
        if (label == null) {
            label = ProtocolNegotiation.label(described(), host, range);
            protocolLabel = label;
        }
        return label;
    }

    /** "port 'confserv:default'", as messages name the port. */
    String described() {
        String text = described;
        if (text == null) {
            text = Describe.object(end.port());
            described = text;
        }
        return text;
    }

    boolean autoDetect() {
        return autoDetect;
    }

    boolean mutual() {
        return mutual;
    }

    /** True when the port itself was reported as SECURE without tls=1, so clients need not repeat it. */
    boolean tlsNotOnPortReported() {
        return tlsNotOnPortReported;
    }

    Optional<ProtocolRange> range() {
        return range;
    }

    Optional<KnownCertificate> certificate() {
        return certificate;
    }

    /** Everything about the server side alone, in severity order. */
    List<Finding> findings() {
        return findings;
    }

    boolean speaksTls() {
        return secure || autoDetect;
    }

    static ServerSide build(ResolutionRun run, int portIndex) {
        Port port = run.snapshot.port(portIndex);
        int appIndex = run.snapshot.applicationOfPort(portIndex);
        ApplicationSnapshot application = run.snapshot.application(appIndex);
        HostInfo host = run.host(run.snapshot.hostOfApplication(appIndex));
        ObjectRef portRef = run.snapshot.portRef(portIndex);
        ObjectRef appRef = run.applicationRef(appIndex);
        ParsedTransport transport = run.snapshot.portTransport(portIndex);
        Layer[] layers = {
                new Layer(portRef, transport.options()),
                new Layer(appRef, application.security()),
                new Layer(run.snapshot.applicationAnnexRef(appIndex), application.annex()),
                new Layer(host.ref(), host.host().security())};
        ResolvedSide side = SideResolver.resolve(layers, true);
        boolean java = run.java(application);
        if (java) {
            side = PsdkBlock.apply(layers, side);
        }

        List<Finding> findings = new ArrayList<>();
        LevelFindings.ofTransport(transport, portRef, Side.SERVER, findings);
        LevelFindings.ofSection(application.security(), appRef, Side.SERVER, findings);
        LevelFindings.ofSection(application.annex(), run.snapshot.applicationAnnexRef(appIndex), Side.SERVER, findings);
        LevelFindings.ofSection(host.host().security(), host.ref(), Side.SERVER, findings);
        LevelFindings.invalidValues(side, Side.SERVER, true, findings);
        if (java) {
            PsdkBlock.splits(layers, Describe.object(portRef), Side.SERVER, findings);
        }

        String portName = "Port '" + portRef.name() + "'";
        boolean secure = side.get(TLS).is("1");
        boolean autoDetect = port.listeningMode() == ListeningMode.AUTO_DETECT;
        boolean tlsNotOnPort = port.listeningMode() == ListeningMode.SECURE && !secure;
        if (tlsNotOnPort) {
            findings.add(Finding.of(FindingCode.TLS_NOT_ON_PORT, Side.SERVER, portRef, portName
                    + " is marked SECURE but its transport has no tls=1: add tls=1 to the port's transport",
                    SuggestedChange.set(portRef, TLS.key(), "1")));
        } else if (port.listeningMode() == ListeningMode.UNSECURED && secure) {
            findings.add(Finding.of(FindingCode.LISTENING_MODE_MISMATCH, Side.SERVER, portRef, portName
                    + " is marked UNSECURED but its transport has tls=1, so it listens with TLS: set its listening mode to SECURE"));
        }
        if (autoDetect && !run.linkRules.supportsAutoDetect(application.componentType())) {
            findings.add(Finding.of(FindingCode.AUTO_DETECT_NOT_CONFIG_SERVER, Side.SERVER, portRef, portName
                    + " is in AUTO_DETECT mode, which only Configuration Server and Configuration Server Proxy support ("
                    + application.name() + " is " + application.componentType()
                    + "): set its listening mode to SECURE with tls=1, or UNSECURED"));
        }
        boolean mutual = side.get(TLS_MUTUAL).is("1");
        Optional<ProtocolRange> range = Optional.empty();
        Optional<KnownCertificate> certificate = Optional.empty();
        if (secure || autoDetect) {
            certificateMaterial(side, layers, host, portRef, java, findings);
            SideProtocol protocol = SideProtocol.evaluate(Side.SERVER, host, appRef, side.get(SEC_PROTOCOL), run.settings, java);
            range = protocol.range();
            findings.addAll(protocol.findings());
            run.configFileOnly(application, appRef, side, Side.SERVER, findings);
            certificate = run.certificate(side.get(CERTIFICATE));
            CertificateContent.check(side.get(CERTIFICATE), certificate, Describe.object(portRef), Side.SERVER,
                    run.now, run.settings.expiryWarning(), findings);
        }
        ServerEnd end = new ServerEnd(appRef, host.ref(), portRef, port.portId(), port.number(), port.listeningMode());
        return new ServerSide(run.classes, portIndex, side, end, host, application, secure, autoDetect, mutual, tlsNotOnPort,
                range, certificate, FindingList.bySeverity(findings));
    }

    /** SERVER_CERT_MISSING, UNIX_KEY_OR_CA_MISSING, CERT_FORMAT_FOR_OS and SEC_PROTOCOL_LEVEL. */
    private static void certificateMaterial(ResolvedSide side, Layer[] layers, HostInfo host, ObjectRef portRef,
                                            boolean java, List<Finding> findings) {
        var certificate = side.get(CERTIFICATE);
        if (!certificate.hasValue()) {
            ObjectRef fixAt = certificate.source().orElse(host.ref());
            findings.add(Finding.of(FindingCode.SERVER_CERT_MISSING, Side.SERVER, fixAt, Describe.capitalised(
                    Describe.object(portRef) + " is secure but resolves no certificate (" + CertificateBlock.origin(certificate)
                            + "): set certificate " + Describe.at(fixAt) + ", or assign a certificate to " + Describe.object(host.ref()))));
            return;
        }
        if (java) {
            PsdkClientRules.missingKey(side, layers, host, Describe.object(portRef), Side.SERVER).ifPresent(findings::add);
        } else if (!host.windows()) {
            CertificateBlock.missingKeyOrCa(side, layers, host, Describe.object(portRef), Side.SERVER, true)
                    .ifPresent(findings::add);
        }
        CertificateFormat.check(certificate, host, Side.SERVER, findings);
        CertificateFormat.check(side.get(CERTIFICATE_KEY), host, Side.SERVER, findings);
        CertificateFormat.check(side.get(TRUSTED_CA), host, Side.SERVER, findings);
        CertificateBlock.secProtocolLevel(side, host, Describe.object(portRef), Side.SERVER).ifPresent(findings::add);
    }
}
