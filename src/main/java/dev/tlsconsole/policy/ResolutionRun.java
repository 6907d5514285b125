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
 * One resolution over one snapshot, by one thread: everything shared between connections is computed
 * once and kept here — server side per port, client side per client application (and per set of
 * connection options), hosts, certificate look-ups, catalog answers. All caches are keyed by dense
 * index (see the package documentation). Not thread-safe: a bulk resolution gives each thread a run
 * of its own, and they share only the immutable server sides built before them.
 */
final class ResolutionRun {

    final TopologySnapshot snapshot;
    final LinkRules linkRules;
    final CertificateFacts facts;
    final PolicySettings settings;
    final Instant now;
    final Grading grading = new Grading();
    /** True for the reference resolution tests compare against: no shortcut, each connection on its own. */
    final boolean naive;
    private final Memo<ServerSide> servers;
    private final Memo<ClientProfile> profiles;
    private final Memo<HostInfo> hosts;
    private final Memo<ObjectRef> applicationRefs;
    private final Memo<Integer> componentOfApplication;
    private final Memo<Integer> targetOfPort;
    // built once: a lambda capturing 'this' passed on every call could cost an allocation per connection
    private final IntFunction<ServerSide> buildServer = index -> ServerSide.build(this, index);
    private final IntFunction<ClientProfile> buildProfile = index -> new ClientProfile(this, index, Optional.empty());
    private final IntFunction<HostInfo> buildHost = this::buildHost;
    private final IntFunction<Integer> buildComponent = this::buildComponent;
    private final IntFunction<Integer> buildTarget = this::buildTarget;
    private final IntFunction<ObjectRef> buildApplicationRef = this::buildApplicationRef;
    private final Map<String, Optional<KnownCertificate>> certificates = new HashMap<>();
    private final Map<String, Integer> components = new HashMap<>();
    private final Map<String, Integer> targets = new HashMap<>();
    private final Map<String, Optional<String>> configFiles = new HashMap<>();
    private final Map<String, Optional<Version>> packs = new HashMap<>();
    private final Map<TemplateKey, ClientProfile> templates = new HashMap<>();
    /** The catalog's verdicts by target number (server component and port id) and client component number. */
    private LinkRules.LinkVerdict[][] verdicts = new LinkRules.LinkVerdict[16][];

    /** @param bulk true when many connections will be resolved: caches become arrays instead of maps */
    ResolutionRun(TopologySnapshot snapshot, LinkRules linkRules, CertificateFacts facts, PolicySettings settings, boolean bulk) {
        this(snapshot, linkRules, facts, settings, settings.clock().instant(), bulk, false, null);
    }

    /**
     * @param now     the instant certificates and CRLs are judged at, read once per resolution
     * @param naive   true for {@link PolicyResolver#resolveNaively}: every connection resolved from its own layers
     * @param servers server sides already built (by port index, null where not), shared read-only; or null
     */
    ResolutionRun(TopologySnapshot snapshot, LinkRules linkRules, CertificateFacts facts, PolicySettings settings,
                  Instant now, boolean bulk, boolean naive, ServerSide[] servers) {
        this.naive = naive;
        this.snapshot = snapshot;
        this.linkRules = linkRules;
        this.facts = facts;
        this.settings = settings;
        this.now = now;
        this.servers = servers == null ? Memo.of(snapshot.portCount(), bulk) : Memo.startingWith(servers);
        this.profiles = Memo.of(snapshot.applicationCount(), bulk);
        this.hosts = Memo.of(snapshot.hostCount(), bulk);
        this.applicationRefs = Memo.of(snapshot.applicationCount(), bulk);
        this.componentOfApplication = Memo.of(snapshot.applicationCount(), bulk);
        this.targetOfPort = Memo.of(snapshot.portCount(), bulk);
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
     * The catalog's verdict on a client application connecting to a port. The catalog is asked once per
     * distinct (client component, server component, port id); after that it is two array reads.
     */
    LinkRules.LinkVerdict verdict(int clientIndex, ServerSide server) {
        int client = component(clientIndex);
        int target = targetOfPort.get(server.portIndex(), buildTarget);
        if (target >= verdicts.length) {
            verdicts = Arrays.copyOf(verdicts, Math.max(verdicts.length * 2, target + 1));
        }
        LinkRules.LinkVerdict[] row = verdicts[target];
        if (row == null || row.length <= client) {
            row = row == null ? new LinkRules.LinkVerdict[Math.max(8, client + 1)] : Arrays.copyOf(row, Math.max(row.length * 2, client + 1));
            verdicts[target] = row;
        }
        LinkRules.LinkVerdict verdict = row[client];
        if (verdict == null) {
            ApplicationSnapshot from = snapshot.application(clientIndex);
            ApplicationSnapshot to = server.application();
            verdict = linkRules.check(from.componentType(), version(from.componentVersion()), to.componentType(),
                    version(to.componentVersion()), server.end().portId());
            row[client] = verdict;
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

    /** A small number per distinct (server component type, version, port id) of the ports seen in this run. */
    private Integer buildTarget(int portIndex) {
        ApplicationSnapshot application = snapshot.application(snapshot.applicationOfPort(portIndex));
        return targets.computeIfAbsent(application.componentType() + '\u0000' + application.componentVersion() + '\u0000'
                + snapshot.port(portIndex).portId(), k -> targets.size());
    }

    /** CONFIG_FILE_ONLY: the component ignores what the console stores; say what to put in its file. */
    void configFileOnly(ApplicationSnapshot application, ObjectRef appRef, ResolvedSide side, Side findingSide, List<Finding> out) {
        configFiles.computeIfAbsent(application.componentType(), linkRules::configFileOnly).ifPresent(file -> {
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

    /**
     * Keyed by the options map itself, not its content: the snapshot parses each distinct transport
     * text once, so connections with the same text share one map, and hashing a map per connection
     * would cost more than the rare second template for an equal map.
     */
    private record TemplateKey(int applicationIndex, Map<String, String> options) {

        @Override
        public boolean equals(Object other) {
            return other instanceof TemplateKey key && key.applicationIndex == applicationIndex && key.options == options;
        }

        @Override
        public int hashCode() {
            return 31 * applicationIndex + System.identityHashCode(options);
        }
    }

}
