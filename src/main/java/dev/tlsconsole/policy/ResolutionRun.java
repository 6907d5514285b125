package dev.tlsconsole.policy;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.Application;
import dev.tlsconsole.policy.snapshot.Host;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private final ServerSide[] servers;
    private final ClientProfile[] profiles;
    private final HostInfo[] hosts;
    private final ObjectRef[] applicationRefs;
    private final Map<String, Optional<KnownCertificate>> certificates = new HashMap<>();
    private final Map<LinkKey, LinkRules.LinkVerdict> verdicts = new HashMap<>();
    private final Map<String, Integer> components = new HashMap<>();
    private final int[] componentOfApplication;
    private final Map<String, Optional<Version>> packs = new HashMap<>();

    ResolutionRun(TopologySnapshot snapshot, LinkRules linkRules, CertificateFacts facts, PolicySettings settings) {
        this.snapshot = snapshot;
        this.linkRules = linkRules;
        this.facts = facts;
        this.settings = settings;
        this.now = settings.clock().instant();
        this.servers = new ServerSide[snapshot.portCount()];
        this.profiles = new ClientProfile[snapshot.applicationCount()];
        this.hosts = new HostInfo[snapshot.hostCount()];
        this.applicationRefs = new ObjectRef[snapshot.applicationCount()];
        this.componentOfApplication = new int[snapshot.applicationCount()];
    }

    ServerSide server(int portIndex) {
        ServerSide server = servers[portIndex];
        if (server == null) {
            server = ServerSide.build(this, portIndex);
            servers[portIndex] = server;
        }
        return server;
    }

    /** The client side of an application's connections that set at most {@code tls}. */
    ClientProfile profile(int applicationIndex) {
        ClientProfile profile = profiles[applicationIndex];
        if (profile == null) {
            profile = new ClientProfile(this, applicationIndex, Optional.empty());
            profiles[applicationIndex] = profile;
        }
        return profile;
    }

    HostInfo host(int hostIndex) {
        HostInfo host = hosts[hostIndex];
        if (host == null) {
            Host entry = snapshot.host(hostIndex);
            Optional<Version> pack = entry.securityPack().isEmpty() ? Optional.empty()
                    : packs.computeIfAbsent(entry.securityPack().get(),
                            text -> Version.isValid(text) ? Optional.of(Version.parse(text)) : Optional.empty());
            host = new HostInfo(entry, snapshot.hostRef(hostIndex), pack);
            hosts[hostIndex] = host;
        }
        return host;
    }

    ObjectRef applicationRef(int applicationIndex) {
        ObjectRef ref = applicationRefs[applicationIndex];
        if (ref == null) {
            ref = snapshot.applicationRef(applicationIndex);
            applicationRefs[applicationIndex] = ref;
        }
        return ref;
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
            Application client = snapshot.application(clientIndex);
            Application target = server.application();
            LinkKey key = new LinkKey(client.componentType(), client.componentVersion(), target.componentType(),
                    target.componentVersion(), server.end().portId());
            verdict = verdicts.computeIfAbsent(key, k -> linkRules.check(k.clientType(), version(k.clientVersion()),
                    k.serverType(), version(k.serverVersion()), k.portId()));
            row[component] = verdict;
        }
        return verdict;
    }

    /** A small number per distinct (component type, version), 1-based so that 0 means "not yet known". */
    private int component(int applicationIndex) {
        int component = componentOfApplication[applicationIndex];
        if (component == 0) {
            Application application = snapshot.application(applicationIndex);
            component = components.computeIfAbsent(application.componentType() + '\u0000' + application.componentVersion(),
                    k -> components.size() + 1);
            componentOfApplication[applicationIndex] = component;
        }
        return component;
    }

    /** CONFIG_FILE_ONLY: the component ignores what the console stores; say what to put in its file. */
    void configFileOnly(Application application, ObjectRef appRef, ResolvedSide side, Side findingSide, List<Finding> out) {
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

    private record LinkKey(String clientType, String clientVersion, String serverType, String serverVersion, String portId) {
    }
}
