package dev.tlsconsole.certificates.assignment;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.certificates.CertificatesProperties;
import dev.tlsconsole.certificates.facts.FactsSnapshot;
import dev.tlsconsole.certificates.facts.InventoryFacts;
import dev.tlsconsole.policy.LinkRules;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.preview.PolicyPreview;
import dev.tlsconsole.policy.preview.PreviewResult;
import dev.tlsconsole.policy.snapshot.Application;
import dev.tlsconsole.policy.snapshot.Connection;
import dev.tlsconsole.policy.snapshot.Host;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.policy.snapshot.Port;
import dev.tlsconsole.policy.snapshot.StagedChange;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import dev.tlsconsole.topology.TopologyReader;

/**
 * The policy engine over the live topology and the inventory, as the certificate screens need it:
 * the effective policy of connections (where-used) and the preview of an assignment. A snapshot of the
 * topology (a handful of bulk queries through {@link TopologyReader}) and of the inventory
 * ({@link InventoryFacts}) is taken per call; the engine itself is pure.
 */
@Component
public class ConnectionPolicies {

    private final TopologyReader topology;
    private final InventoryFacts inventory;
    private final LinkRules linkRules;
    private final CertificatesProperties properties;
    private final Clock clock;

    ConnectionPolicies(TopologyReader topology, InventoryFacts inventory, LinkRules linkRules,
            CertificatesProperties properties, Clock clock) {
        this.topology = topology;
        this.inventory = inventory;
        this.linkRules = linkRules;
        this.properties = properties;
        this.clock = clock;
    }

    /** The topology and the inventory, read together. */
    public record Evaluation(TopologySnapshot topology, FactsSnapshot facts) {
    }

    @Transactional(readOnly = true)
    public Evaluation current() {
        return new Evaluation(snapshot(topology.readAll()), inventory.snapshot());
    }

    /** Every connection's effective policy now. */
    @Transactional(readOnly = true)
    public List<EffectivePolicy> resolveAll() {
        Evaluation evaluation = current();
        return new PolicyResolver(linkRules, evaluation.facts()).resolveAll(evaluation.topology(), settings());
    }

    /** One connection's effective policy now; empty when there is no such connection. */
    @Transactional(readOnly = true)
    public Optional<EffectivePolicy> resolve(long connectionId) {
        Evaluation evaluation = current();
        return new PolicyResolver(linkRules, evaluation.facts()).resolve(evaluation.topology(), connectionId, settings());
    }

    /**
     * What {@code changes} would do to the connections they reach, with {@code planned} files counted as
     * deployed, and the names of the connections that change.
     */
    @Transactional(readOnly = true)
    public Impact preview(List<StagedChange> changes, List<FactsSnapshot.PlannedFile> planned) {
        Evaluation evaluation = current();
        PolicyResolver resolver = new PolicyResolver(linkRules, evaluation.facts().withDeployments(planned));
        PreviewResult result = new PolicyPreview(resolver).preview(evaluation.topology(), changes, settings());
        Map<Long, String> labels = new LinkedHashMap<>();
        for (PreviewResult.ConnectionChange change : result.changed()) {
            evaluation.topology().indexOf(ObjectType.CONNECTION, change.connectionId())
                    .ifPresent(i -> labels.put(change.connectionId(), evaluation.topology().connectionRef(i).name()));
        }
        return new Impact(result, labels);
    }

    /** A preview and the names ({@code client → server:port}) of the connections it lists. */
    public record Impact(PreviewResult result, Map<Long, String> labels) {
    }

    LinkRules linkRules() {
        return linkRules;
    }

    PolicySettings settings() {
        PolicySettings defaults = PolicySettings.defaults(clock);
        return new PolicySettings(clock, properties.expiryWarning(), defaults.windowsMinimum(), defaults.windowsMaximum());
    }

    /** The engine's snapshot from the reader's rows: each level holds only what was set there. */
    static TopologySnapshot snapshot(TopologyReader.Rows rows) {
        Map<Long, Map<String, String>> hostOptions = options(rows.hostOptions());
        Map<Long, Map<String, String>> applicationOptions = options(rows.applicationOptions());
        List<Host> hosts = rows.hosts().stream().map(h -> new Host(h.id(), h.name(), h.ipAddress(), OsType.valueOf(h.osType().name()),
                h.securityPackVersion(), hostOptions.getOrDefault(h.id(), Map.of()))).toList();
        List<Application> applications = rows.applications().stream().map(a -> new Application(a.id(), a.name(), a.componentType(),
                a.componentVersion(), a.hostId(), a.backupId(), applicationOptions.getOrDefault(a.id(), Map.of()))).toList();
        List<Port> ports = rows.ports().stream().map(p -> new Port(p.id(), p.applicationId(), p.portId(), p.number(),
                ListeningMode.valueOf(p.listeningMode().name()), p.transport() == null ? "" : p.transport())).toList();
        List<Connection> connections = rows.connections().stream().map(c -> new Connection(c.id(), c.clientId(), c.serverPortId(),
                c.transport() == null ? "" : c.transport())).toList();
        return TopologySnapshot.of(hosts, applications, ports, connections);
    }

    private static Map<Long, Map<String, String>> options(List<TopologyReader.OptionRow> rows) {
        Map<Long, Map<String, String>> byOwner = new HashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(TopologyReader.OptionRow::key))
                .forEach(row -> byOwner.computeIfAbsent(row.ownerId(), id -> new LinkedHashMap<>()).put(row.key(), row.value()));
        return byOwner;
    }
}
