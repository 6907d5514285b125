package dev.tlsconsole.policy;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * One resolution over one snapshot: the clock is read once, and everything shared between connections
 * is computed once and kept here — server side per port, client side per client application, hosts,
 * certificate look-ups, catalog verdicts. Not thread-safe; one run per request or bulk job.
 */
final class ResolutionRun {

    final TopologySnapshot snapshot;
    final LinkRules linkRules;
    final CertificateFacts facts;
    final PolicySettings settings;
    final Instant now;
    final Grading grading = new Grading();
    private final Memo<ServerSide> servers;
    private final Memo<ClientProfile> profiles;
    private final Memo<HostInfo> hosts;
    private final Memo<ObjectRef> applicationRefs;
    private final Memo<Integer> componentOfApplication;
    // built once: a lambda capturing 'this' passed on every call could cost an allocation per connection
    private final IntFunction<ServerSide> buildServer = index -> ServerSide.build(this, index);
    private final IntFunction<ClientProfile> buildProfile = index -> new ClientProfile(this, index, Optional.empty());
    private final IntFunction<HostInfo> buildHost = this::buildHost;
    private final IntFunction<Integer> buildComponent = this::buildComponent;
    private final IntFunction<ObjectRef> buildApplicationRef = this::buildApplicationRef;
    private final Map<String, Optional<KnownCertificate>> certificates = new HashMap<>();
    private final Map<LinkKey, LinkRules.LinkVerdict> verdicts = new HashMap<>();
    private final Map<String, Integer> components = new HashMap<>();
    private final Map<String, Optional<Version>> packs = new HashMap<>();
    private final Map<TemplateKey, ClientProfile> templates = new HashMap<>();

    /** @param bulk true when many connections will be resolved: caches become arrays instead of maps */
    ResolutionRun(TopologySnapshot snapshot, LinkRules linkRules, CertificateFacts facts, PolicySettings settings, boolean bulk) {
        this.snapshot = snapshot;
        this.linkRules = linkRules;
        this.facts = facts;
        this.settings = settings;
        this.now = settings.clock().instant();
        this.servers = Memo.of(snapshot.portCount(), bulk);
        this.profiles = Memo.of(snapshot.applicationCount(), bulk);
        this.hosts = Memo.of(snapshot.hostCount(), bulk);
        this.applicationRefs = Memo.of(snapshot.applicationCount(), bulk);
        this.componentOfApplication = Memo.of(snapshot.applicationCount(), bulk);
    }

    ServerSide server(int portIndex) {
        return servers.get(portIndex, buildServer);
    }

    /** The client side of an application's connections that set at most {@code tls}. */
    ClientProfile profile(int applicationIndex) {
        return profiles.get(applicationIndex, buildProfile);
    }

    /**
     * The client side of an application for connections that set these TLS options, resolved against
     * {@link ClientProfile#PLACEHOLDER} instead of a real connection so that connections with the same
     * options share it (see {@link ClientProfile#mentionsConnection}).
     */
    ClientProfile template(int applicationIndex, Map<String, String> connectionOptions) {
        TemplateKey key = new TemplateKey(applicationIndex, connectionOptions);
        ClientProfile template = templates.get(key);
        if (template == null) {
            template = new ClientProfile(this, applicationIndex,
                    Optional.of(new Layer(ClientProfile.PLACEHOLDER, connectionOptions)));
            templates.put(key, template);
        }
        return template;
    }

    /** A host with its Security Pack version parsed once per distinct version text. */
    HostInfo host(int hostIndex) {
        return hosts.get(hostIndex, buildHost);
    }

    private ObjectRef buildApplicationRef(int index) {
        return snapshot.applicationRef(index);
    }

    private HostInfo buildHost(int index) {
        HostSnapshot entry = snapshot.host(index);
        Optional<Version> pack = entry.securityPack().isEmpty() ? Optional.empty()
                : packs.computeIfAbsent(entry.securityPack().get(),
                        text -> Version.isValid(text) ? Optional.of(Version.parse(text)) : Optional.empty());
        return new HostInfo(entry, snapshot.hostRef(index), pack);
    }

    ObjectRef applicationRef(int applicationIndex) {
        return applicationRefs.get(applicationIndex, buildApplicationRef);
    }

    Optional<KnownCertificate> certificate(ResolvedOption certificate) {
        if (!certificate.hasValue()) {
            return Optional.empty();
        }
        return certificates.computeIfAbsent(certificate.value(), facts::certificate);
    }

    /**
     * The catalog's verdict on a client application connecting to a port. Remembered per port and
     * client component (type and version), so the catalog is asked once per distinct combination and
     * the common case is two array reads.
     */
    LinkRules.LinkVerdict verdict(int clientIndex, ServerSide server) {
        int component = component(clientIndex);
        LinkRules.LinkVerdict[] row = server.verdicts;
        if (row.length <= component) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, component + 1));
            server.verdicts = row;
        }
        LinkRules.LinkVerdict verdict = row[component];
        if (verdict == null) {
            ApplicationSnapshot client = snapshot.application(clientIndex);
            ApplicationSnapshot target = server.application();
            LinkKey key = new LinkKey(client.componentType(), client.componentVersion(), target.componentType(),
                    target.componentVersion(), server.end().portId());
            verdict = verdicts.computeIfAbsent(key, k -> linkRules.check(k.clientType(), version(k.clientVersion()),
                    k.serverType(), version(k.serverVersion()), k.portId()));
            row[component] = verdict;
        }
        return verdict;
    }

    /** A small number per distinct (component type, version) of the applications seen in this run. */
    private int component(int applicationIndex) {
        return componentOfApplication.get(applicationIndex, buildComponent);
    }

    private Integer buildComponent(int index) {
        ApplicationSnapshot application = snapshot.application(index);
        return components.computeIfAbsent(application.componentType() + '\u0000' + application.componentVersion(),
                k -> components.size());
    }

    /** CONFIG_FILE_ONLY: the component ignores what the console stores; say what to put in its file. */
    void configFileOnly(ApplicationSnapshot application, ObjectRef appRef, ResolvedSide side, Side findingSide, List<Finding> out) {
        linkRules.configFileOnly(application.componentType()).ifPresent(file -> {
            List<String> lines = new ArrayList<>();
            for (ResolvedOption option : side.options()) {
                if (option.isSet() && option.hasValue() && option.option() != SecurityOption.TLS) {
                    lines.add(Describe.setting(option));
                }
            }
            String section = lines.isEmpty() ? "the TLS options (certificate, certificate-key, trusted-ca, …)" : String.join(", ", lines);
            out.add(Finding.of(FindingCode.CONFIG_FILE_ONLY, findingSide, appRef, Describe.capitalised(Describe.object(appRef))
                    + " (" + application.componentType() + ") reads its TLS settings only from " + file
                    + ": put " + section + " in the [security] section of " + file + " on its host; the console cannot push them"));
        });
    }

    private static Version version(String text) {
        return Version.isValid(text) ? Version.parse(text) : null;
    }

    private record TemplateKey(int applicationIndex, Map<String, String> options) {
    }

    private record LinkKey(String clientType, String clientVersion, String serverType, String serverVersion, String portId) {
    }
}
