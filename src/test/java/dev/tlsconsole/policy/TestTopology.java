package dev.tlsconsole.policy;

import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ConnectionSnapshot;
import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.policy.snapshot.Port;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small topologies for tests. Ids come from one counter, so an id of the wrong kind never
 * resolves by accident. Options are written {@code "key=value"}.
 */
public final class TestTopology {

    public static final String MODERN_PACK = "8.5.100.25";

    private final List<HostSnapshot> hosts = new ArrayList<>();
    private final List<ApplicationSnapshot> applications = new ArrayList<>();
    private final List<Port> ports = new ArrayList<>();
    private final List<ConnectionSnapshot> connections = new ArrayList<>();
    private long nextId = 100;

    public long unixHost(String name, String securityPack, String... security) {
        hosts.add(new HostSnapshot(++nextId, name, "10.0.0." + nextId % 250, OsType.UNIX, securityPack, section(security)));
        return nextId;
    }

    /** A Windows host with a recorded OS version (reference §8 C6). */
    public long windowsHostVersion(String name, String osVersion, String... security) {
        hosts.add(new HostSnapshot(++nextId, name, "10.0.2." + nextId % 250, OsType.WINDOWS, null, section(security), osVersion));
        return nextId;
    }

    public long windowsHost(String name, String... security) {
        hosts.add(new HostSnapshot(++nextId, name, "10.0.1." + nextId % 250, OsType.WINDOWS, null, section(security)));
        return nextId;
    }

    public long app(String name, String componentType, long hostId, String... security) {
        return app(name, componentType, "8.5.1", hostId, security);
    }

    public long app(String name, String componentType, String version, long hostId, String... security) {
        applications.add(new ApplicationSnapshot(++nextId, name, componentType, version, hostId, null, section(security)));
        return nextId;
    }

    /** Sets the annex {@code [security]} of application {@code applicationId} (reference §8 A1). */
    public void annex(long applicationId, String... annex) {
        for (int i = 0; i < applications.size(); i++) {
            ApplicationSnapshot a = applications.get(i);
            if (a.id() == applicationId) {
                applications.set(i, new ApplicationSnapshot(a.id(), a.name(), a.componentType(), a.componentVersion(), a.hostId(),
                        a.backupApplicationId(), a.security(), section(annex)));
            }
        }
    }

    /** Makes {@code backupId} the HA backup of application {@code primaryId} (reference §8 E1). */
    public void backup(long primaryId, long backupId) {
        for (int i = 0; i < applications.size(); i++) {
            ApplicationSnapshot a = applications.get(i);
            if (a.id() == primaryId) {
                applications.set(i, new ApplicationSnapshot(a.id(), a.name(), a.componentType(), a.componentVersion(), a.hostId(),
                        backupId, a.security(), a.annex()));
            }
        }
    }

    public long port(long applicationId, String portId, ListeningMode mode, String transport) {
        ports.add(new Port(++nextId, applicationId, portId, 2000 + (int) (nextId % 1000), mode, transport));
        return nextId;
    }

    public long connection(long clientApplicationId, long portId, String transport) {
        connections.add(new ConnectionSnapshot(++nextId, clientApplicationId, portId, transport));
        return nextId;
    }

    public TopologySnapshot snapshot() {
        return TopologySnapshot.of(hosts, applications, ports, connections);
    }

    static Map<String, String> section(String... options) {
        Map<String, String> section = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            section.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return section;
    }
}
