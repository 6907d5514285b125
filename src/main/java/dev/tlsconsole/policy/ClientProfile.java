package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE;
import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE_KEY;
import static dev.tlsconsole.policy.option.SecurityOption.CLIENT_AUTH;
import static dev.tlsconsole.policy.option.SecurityOption.SEC_PROTOCOL;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_TARGET_NAME_CHECK;
import static dev.tlsconsole.policy.option.SecurityOption.TRUSTED_CA;

import dev.tlsconsole.policy.effective.EffectivePolicy.ClientEnd;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client side as resolved from Connection transport → client application {@code [security]} →
 * client host annex → default. Built once per client application for the (usual) connections that
 * set nothing but {@code tls}, and once per application and set of connection options otherwise,
 * against {@link #PLACEHOLDER}; each connection then gets it with its own provenance. The client never
 * reads its own ports; all it learns of the server is the mode, passed in as the authentication mode.
 * Immutable: its findings per mode and its certificate are remembered by the {@link ResolutionRun},
 * keyed by {@link #id}.
 */
final class ClientProfile {

    private static final SecurityOption[] OPTIONS = SecurityOption.values();

    /**
     * Stands in for "the connection" in profiles shared by connections with the same options; its name
     * holds control characters, which no object name can, so replacing it in messages is safe.
     */
    static final ObjectRef PLACEHOLDER = new ObjectRef(ObjectType.CONNECTION, Long.MIN_VALUE, "\u0001this connection\u0001");

    final ResolvedSide side;
    final ClientEnd end;
    final HostInfo host;
    final Optional<ProtocolRange> range;
    final boolean clientAuthOff;
    final boolean hostCheck;
    // the texts only findings read, made on first use (immutable strings: a racing second computation is harmless)
    private String protocolLabel;
    private String capitalisedName;
    /** INVALID_VALUE for a tls set in the application, used when the connection does not override it. */
    final Optional<Finding> invalidTls;
    /** Numbers the profiles of one run, {@code 0..n-1}, for the run's per-profile caches (see {@link ResolutionRun}). */
    final int id;
    /** The numbers of what the negotiation rules and the catalog read of this side, in the run's {@link ValueClasses}. */
    final int classId;
    final int componentId;
    /** See {@link PairVerdict#targetNameIgnored}. */
    final boolean targetNameIgnored;
    private final ApplicationSnapshot application;
    private final ObjectRef appRef;
    private final Layer[] layers;
    private final List<Finding> levelFindings;
    private final List<Finding> protocolFindings;

    /** @param id the next number of the run's profiles */
    ClientProfile(ResolutionRun run, int id, int appIndex, Optional<Layer> connection) {
        this.id = id;
        this.application = run.snapshot.application(appIndex);
        this.appRef = run.applicationRef(appIndex);
        this.host = run.host(run.snapshot.hostOfApplication(appIndex));
        Layer app = new Layer(appRef, application.security());
        ObjectRef annexRef = run.snapshot.applicationAnnexRef(appIndex);
        Layer annex = new Layer(annexRef, application.annex());
        Layer hostLayer = new Layer(host.ref(), host.host().security());
        this.layers = connection.map(c -> new Layer[] {c, app, annex, hostLayer})
                .orElseGet(() -> new Layer[] {app, annex, hostLayer});
        boolean java = run.java(application);
        this.side = java ? PsdkBlock.apply(layers, SideResolver.resolve(layers, false)) : SideResolver.resolve(layers, false);
        this.end = new ClientEnd(appRef, host.ref());
        List<Finding> findings = new ArrayList<>();
        LevelFindings.ofSection(application.security(), appRef, Side.CLIENT, findings);
        LevelFindings.ofSection(application.annex(), annexRef, Side.CLIENT, findings);
        LevelFindings.ofSection(host.host().security(), host.ref(), Side.CLIENT, findings);
        LevelFindings.invalidValues(side, Side.CLIENT, false, findings);
        if (java) {
            PsdkBlock.splits(layers, Describe.object(appRef), Side.CLIENT, findings);
            PsdkClientRules.clientAuthNotRead(side, Describe.object(appRef), findings);
        }
        this.levelFindings = FindingList.bySeverity(findings);
        SideProtocol protocol = SideProtocol.evaluate(Side.CLIENT, host, appRef, side.get(SEC_PROTOCOL), run.settings, java);
        this.range = protocol.range();
        this.protocolFindings = protocol.findings();
        this.clientAuthOff = java ? PsdkClientRules.unauthenticated(side) : side.get(CLIENT_AUTH).is("0");
        this.hostCheck = side.get(TLS_TARGET_NAME_CHECK).is("host");
        ResolvedOption tls = side.get(SecurityOption.TLS);
        this.invalidTls = tls.isSet() ? LevelFindings.invalidValue(tls, Side.CLIENT) : Optional.empty();
        this.classId = run.classes.id(PairVerdict.ClientClass.of(this));
        this.componentId = run.classes.id(PairVerdict.ClientComponent.of(this));
        this.targetNameIgnored = PairVerdict.targetNameIgnored(this);
    }

    ApplicationSnapshot application() {
        return application;
    }

    /** "Application 'a'", as messages about what the client asks for begin. */
    String capitalisedName() {
        String name = capitalisedName;
        if (name == null) {
            name = Describe.capitalised(Describe.object(appRef));
            capitalisedName = name;
        }
        return name;
    }

    /** The side as protocol findings describe it (see {@link ProtocolNegotiation#label}). */
    String protocolLabel() {
        String label = protocolLabel;
        if (label == null) {
            label = ProtocolNegotiation.label(Describe.object(appRef), host, range);
            protocolLabel = label;
        }
        return label;
    }

    /** Which findings of a shared profile's list name {@link #PLACEHOLDER} and must be rewritten per connection. */
    static boolean[] mentioning(List<Finding> shared) {
        boolean[] flags = new boolean[shared.size()];
        for (int i = 0; i < flags.length; i++) {
            Finding finding = shared.get(i);
            flags[i] = finding.fixAt() == PLACEHOLDER || finding.message().contains(PLACEHOLDER.name())
                    || finding.suggestion() != null && finding.suggestion().target() == PLACEHOLDER;
        }
        return flags;
    }

    /**
     * The findings of a shared profile as they read for one connection: those that name
     * {@link #PLACEHOLDER} ({@code mentioning}) are rewritten for {@code connection}; the others are shared as they are.
     */
    static List<Finding> forConnection(List<Finding> shared, boolean[] mentioning, ObjectRef connection) {
        Finding[] out = null;
        for (int i = 0; i < mentioning.length; i++) {
            if (mentioning[i]) {
                out = out == null ? shared.toArray(new Finding[0]) : out;
                Finding finding = shared.get(i);
                out[i] = new Finding(finding.code(), finding.severity(), finding.side(),
                        finding.message().replace(PLACEHOLDER.name(), connection.name()),
                        finding.fixAt() == PLACEHOLDER ? connection : finding.fixAt(),
                        finding.suggestion() != null && finding.suggestion().target() == PLACEHOLDER
                                ? finding.suggestion().on(connection) : finding.suggestion());
            }
        }
        return out == null ? shared : List.of(out);
    }

    /** This profile's side with the placeholder connection replaced by a real one. */
    ResolvedSide sideFor(ObjectRef connection) {
        Optional<ObjectRef> source = Optional.of(connection);
        ResolvedOption[] options = new ResolvedOption[OPTIONS.length];
        for (SecurityOption option : OPTIONS) {
            ResolvedOption resolved = side.get(option);
            options[option.ordinal()] = resolved.source().orElse(null) == PLACEHOLDER
                    ? new ResolvedOption(option, resolved.value(), resolved.level(), source) : resolved;
        }
        return ResolvedSide.of(options);
    }

    /**
     * The client-side findings for an authentication mode ({@code PLAINTEXT}, {@code ENCRYPTION_ONLY},
     * {@code SIMPLE_TLS} or {@code MUTUAL_TLS}; an auto-detect connection passes the mode it upgrades to).
     * The run keeps them per profile and mode.
     */
    List<Finding> computeFindings(ResolutionRun run, Mode authMode) {
        if (authMode == Mode.PLAINTEXT) {
            return levelFindings;
        }
        List<Finding> out = new ArrayList<>(levelFindings);
        out.addAll(protocolFindings);
        String owner = Describe.object(appRef);
        CertificateBlock.secProtocolLevel(side, host, owner, Side.CLIENT).ifPresent(out::add);
        run.configFileOnly(application, appRef, side, Side.CLIENT, out);
        ResolvedOption clientAuth = side.get(CLIENT_AUTH);
        if (authMode == Mode.ENCRYPTION_ONLY && TlsStack.java(application)) {
            out.add(PsdkClientRules.encryptionOnly(side, appRef, owner));
        } else if (authMode == Mode.ENCRYPTION_ONLY) {
            out.add(Finding.of(FindingCode.ENCRYPTION_ONLY, Side.CLIENT, clientAuth.source().orElseThrow(),
                    Describe.setting(clientAuth) + " " + Describe.at(clientAuth) + " makes " + owner
                            + " skip checking server certificates: traffic is encrypted but the server is not authenticated;"
                            + " remove client-auth=0 (and give the client a trusted-ca on UNIX)",
                    SuggestedChange.set(clientAuth.source().orElseThrow(), CLIENT_AUTH.key(), "1")));
        }
        if (authMode == Mode.MUTUAL_TLS) {
            mutualMaterial(run, owner, out);
        }
        if (authMode != Mode.ENCRYPTION_ONLY && !clientAuthOff) {
            ResolvedOption ca = side.get(TRUSTED_CA);
            if (authMode == Mode.SIMPLE_TLS && !host.windows() && !ca.hasValue()) {
                ObjectRef fixAt = ca.source().orElse(host.ref());
                out.add(Finding.of(FindingCode.UNTRUSTED_ISSUER, Side.CLIENT, fixAt, Describe.capitalised(owner)
                        + " on " + host.describe() + " resolves no trusted-ca, so it cannot authenticate the server's certificate: set trusted-ca "
                        + Describe.at(fixAt) + " (or client-auth=0 for encryption only)"));
            }
            CertificateFormat.check(ca, host, Side.CLIENT, out);
        }
        return FindingList.bySeverity(out);
    }

    private void mutualMaterial(ResolutionRun run, String owner, List<Finding> out) {
        ResolvedOption certificate = side.get(CERTIFICATE);
        if (!certificate.hasValue()) {
            ObjectRef fixAt = certificate.source().orElse(host.ref());
            out.add(Finding.of(FindingCode.CLIENT_CERT_MISSING, Side.CLIENT, fixAt, "The server requires mutual TLS but "
                    + owner + " resolves no certificate (" + CertificateBlock.origin(certificate) + "): set certificate"
                    + (host.windows() ? "" : ", certificate-key and trusted-ca") + " " + Describe.at(fixAt)));
            return;
        }
        if (TlsStack.java(application)) {
            PsdkClientRules.missingKey(side, layers, host, owner, Side.CLIENT).ifPresent(out::add);
        } else if (!host.windows()) {
            CertificateBlock.missingKeyOrCa(side, layers, host, owner, Side.CLIENT, true).ifPresent(out::add);
        }
        CertificateFormat.check(certificate, host, Side.CLIENT, out);
        CertificateFormat.check(side.get(CERTIFICATE_KEY), host, Side.CLIENT, out);
        CertificateContent.check(certificate, run.clientCertificate(this), owner, Side.CLIENT, run.now, run.settings.expiryWarning(), out);
    }
}
