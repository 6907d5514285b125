package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.InputRevisions.Revision;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ConnectionSnapshot;
import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.policy.snapshot.Port;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import dev.tlsconsole.topology.TopologyReader;
import dev.tlsconsole.topology.TopologyReader.OptionRow;
import dev.tlsconsole.topology.TopologyReader.Rows;

/**
 * Reads the topology with {@link TopologyReader#readAll()} (one query per table, whatever its size) and
 * turns the rows into the engine's immutable snapshot. The revision is read first, in the same
 * transaction: the rows are then at least as new as the revision they are cached under, so a cache can
 * only ever be too old by one revision and is then rebuilt, never wrongly kept.
 */
@Component
public class SnapshotBuilder {

    private final TopologyReader reader;
    private final InputRevisions revisions;

    SnapshotBuilder(TopologyReader reader, InputRevisions revisions) {
        this.reader = reader;
        this.revisions = revisions;
    }

    /** A snapshot and the revision it reflects. */
    public record Read(Revision revision, TopologySnapshot snapshot) {
    }

    /**
     * In a transaction of its own, so that a caller's uncommitted changes (which may still roll back)
     * never end up in the cache under a committed revision.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
    public Read read() {
        Revision revision = revisions.current();
        return new Read(revision, snapshot(reader.readAll()));
    }

    /** The topology now, in the caller's transaction (which sees its own uncommitted changes). */
    TopologySnapshot inCallersTransaction() {
        return snapshot(reader.readAll());
    }

    /** The rows as the engine's records (topology and engine name their types alike, hence the mapping). */
    public static TopologySnapshot snapshot(Rows rows) {
        Map<Long, Map<String, String>> hostOptions = byOwner(rows.hostOptions());
        Map<Long, Map<String, String>> applicationOptions = byOwner(rows.applicationOptions());
        Map<Long, Map<String, String>> applicationAnnexes = byOwner(rows.applicationAnnexOptions());
        List<HostSnapshot> hosts = new ArrayList<>(rows.hosts().size());
        for (TopologyReader.HostRow row : rows.hosts()) {
            hosts.add(new HostSnapshot(row.id(), row.name(), row.ipAddress(), OsType.valueOf(row.osType().name()),
                    row.securityPackVersion(), hostOptions.getOrDefault(row.id(), Map.of()), row.osVersion()));
        }
        List<ApplicationSnapshot> applications = new ArrayList<>(rows.applications().size());
        for (TopologyReader.ApplicationRow row : rows.applications()) {
            applications.add(new ApplicationSnapshot(row.id(), row.name(), row.componentType(), row.componentVersion(),
                    row.hostId(), row.backupId(), applicationOptions.getOrDefault(row.id(), Map.of()),
                    applicationAnnexes.getOrDefault(row.id(), Map.of())));
        }
        List<Port> ports = new ArrayList<>(rows.ports().size());
        for (TopologyReader.PortRow row : rows.ports()) {
            ports.add(new Port(row.id(), row.applicationId(), row.portId(), row.number(),
                    ListeningMode.valueOf(row.listeningMode().name()), row.transport()));
        }
        List<ConnectionSnapshot> connections = new ArrayList<>(rows.connections().size());
        for (TopologyReader.ConnectionRow row : rows.connections()) {
            connections.add(new ConnectionSnapshot(row.id(), row.clientId(), row.serverPortId(), row.transport()));
        }
        return TopologySnapshot.of(hosts, applications, ports, connections);
    }

    private static Map<Long, Map<String, String>> byOwner(List<OptionRow> options) {
        Map<Long, Map<String, String>> sections = new HashMap<>();
        for (OptionRow option : options) {
            sections.computeIfAbsent(option.ownerId(), id -> new LinkedHashMap<>()).put(option.key(), option.value());
        }
        return sections;
    }
}
