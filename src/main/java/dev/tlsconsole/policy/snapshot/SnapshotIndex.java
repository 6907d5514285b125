package dev.tlsconsole.policy.snapshot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of a topology: which object sits where, by dense index. Staged changes edit options,
 * never structure, so an overlay shares its base snapshot's index unchanged.
 */
final class SnapshotIndex {

    final Map<Long, Integer> hostById;
    final Map<Long, Integer> applicationById;
    final Map<Long, Integer> portById;
    final Map<Long, Integer> connectionById;
    final int[] hostOfApplication;
    final int[] applicationOfPort;
    final int[] portOfConnection;
    final int[] clientOfConnection;
    final long[] connectionIds;
    final Csr connectionsByPort;
    final Csr connectionsByServerApplication;
    final Csr connectionsByClientApplication;
    final Csr connectionsByServerHost;
    final Csr connectionsByClientHost;
    /** Per port: the port with the same port id on its application's HA backup, -1 when none (reference §8 E1). */
    final int[] backupPortOfPort;
    final Csr connectionsByBackupPort;
    final Csr connectionsByBackupApplication;
    final Csr connectionsByBackupHost;
    /**
     * Connection and port references, made on first use and shared with every overlay (changes never
     * rename anything). Filled racily but safely: an ObjectRef is immutable, two threads at worst
     * build equal ones.
     */
    final ObjectRef[] connectionRefs;
    final ObjectRef[] portRefs;

    SnapshotIndex(List<HostSnapshot> hosts, List<ApplicationSnapshot> applications, List<Port> ports, List<ConnectionSnapshot> connections) {
        hostById = ids(hosts.size(), "host", hosts.stream().mapToLong(HostSnapshot::id).toArray());
        applicationById = ids(applications.size(), "application", applications.stream().mapToLong(ApplicationSnapshot::id).toArray());
        portById = ids(ports.size(), "port", ports.stream().mapToLong(Port::id).toArray());
        connectionIds = connections.stream().mapToLong(ConnectionSnapshot::id).toArray();
        connectionById = ids(connections.size(), "connection", connectionIds);

        hostOfApplication = new int[applications.size()];
        for (int a = 0; a < hostOfApplication.length; a++) {
            ApplicationSnapshot application = applications.get(a);
            hostOfApplication[a] = lookup(hostById, application.hostId(), "application '" + application.name() + "' runs on host");
            application.backup().ifPresent(backup -> lookup(applicationById, backup,
                    "application '" + application.name() + "' has backup application"));
        }
        applicationOfPort = new int[ports.size()];
        for (int p = 0; p < applicationOfPort.length; p++) {
            Port port = ports.get(p);
            applicationOfPort[p] = lookup(applicationById, port.applicationId(), "port '" + port.portId() + "' belongs to application");
        }
        portOfConnection = new int[connections.size()];
        clientOfConnection = new int[connections.size()];
        int[] serverApplication = new int[connections.size()];
        int[] serverHost = new int[connections.size()];
        int[] clientHost = new int[connections.size()];
        for (int c = 0; c < portOfConnection.length; c++) {
            ConnectionSnapshot connection = connections.get(c);
            portOfConnection[c] = lookup(portById, connection.serverPortId(), "connection " + connection.id() + " targets port");
            clientOfConnection[c] = lookup(applicationById, connection.clientApplicationId(), "connection " + connection.id() + " comes from application");
            serverApplication[c] = applicationOfPort[portOfConnection[c]];
            serverHost[c] = hostOfApplication[serverApplication[c]];
            clientHost[c] = hostOfApplication[clientOfConnection[c]];
        }
        backupPortOfPort = backupPorts(applications, ports);
        int[] backupPort = new int[connections.size()];
        int[] backupApplication = new int[connections.size()];
        int[] backupHost = new int[connections.size()];
        for (int c = 0; c < backupPort.length; c++) {
            int bp = backupPortOfPort[portOfConnection[c]];
            // connections without a backup port are grouped under one extra group no object has
            backupPort[c] = bp < 0 ? ports.size() : bp;
            backupApplication[c] = bp < 0 ? applications.size() : applicationOfPort[bp];
            backupHost[c] = bp < 0 ? hosts.size() : hostOfApplication[applicationOfPort[bp]];
        }
        connectionsByBackupPort = Csr.build(ports.size() + 1, backupPort);
        connectionsByBackupApplication = Csr.build(applications.size() + 1, backupApplication);
        connectionsByBackupHost = Csr.build(hosts.size() + 1, backupHost);
        connectionRefs = new ObjectRef[connections.size()];
        portRefs = new ObjectRef[ports.size()];
        connectionsByPort = Csr.build(ports.size(), portOfConnection);
        connectionsByServerApplication = Csr.build(applications.size(), serverApplication);
        connectionsByClientApplication = Csr.build(applications.size(), clientOfConnection);
        connectionsByServerHost = Csr.build(hosts.size(), serverHost);
        connectionsByClientHost = Csr.build(hosts.size(), clientHost);
    }

    private int[] backupPorts(List<ApplicationSnapshot> applications, List<Port> ports) {
        int[] out = new int[ports.size()];
        Arrays.fill(out, -1);
        if (applications.stream().noneMatch(a -> a.backup().isPresent())) {
            return out;
        }
        Map<String, Integer> byApplicationAndPortId = new HashMap<>();
        for (int p = 0; p < ports.size(); p++) {
            byApplicationAndPortId.putIfAbsent(applicationOfPort[p] + "\u0000" + ports.get(p).portId(), p);
        }
        for (int p = 0; p < ports.size(); p++) {
            ApplicationSnapshot application = applications.get(applicationOfPort[p]);
            if (application.backup().isPresent()) {
                int backup = applicationById.get(application.backup().getAsLong());
                Integer match = backup == applicationOfPort[p] ? null
                        : byApplicationAndPortId.get(backup + "\u0000" + ports.get(p).portId());
                out[p] = match == null ? -1 : match;
            }
        }
        return out;
    }

    private static Map<Long, Integer> ids(int size, String what, long[] ids) {
        Map<Long, Integer> byId = new HashMap<>(Math.max(16, size * 4 / 3 + 1));
        for (int i = 0; i < ids.length; i++) {
            if (byId.put(ids[i], i) != null) {
                throw new IllegalArgumentException("two " + what + "s have id " + ids[i]);
            }
        }
        return byId;
    }

    private static int lookup(Map<Long, Integer> byId, long id, String what) {
        Integer index = byId.get(id);
        if (index == null) {
            throw new IllegalArgumentException(what + " " + id + ", which is not in the snapshot");
        }
        return index;
    }

    /** Indexes of the connections whose resolution can change when object {@code type}/{@code index} changes. */
    int[] reachable(ObjectType type, int index) {
        return switch (type) {
            case HOST -> Csr.merge(connectionsByClientHost.union(index, connectionsByServerHost, index),
                    connectionsByBackupHost.get(index));
            case APPLICATION, APPLICATION_ANNEX -> Csr.merge(
                    connectionsByClientApplication.union(index, connectionsByServerApplication, index),
                    connectionsByBackupApplication.get(index));
            case PORT -> connectionsByPort.union(index, connectionsByBackupPort, index);
            case CONNECTION -> new int[] {index};
        };
    }

    Map<Long, Integer> byId(ObjectType type) {
        return switch (type) {
            case HOST -> hostById;
            case APPLICATION, APPLICATION_ANNEX -> applicationById;
            case PORT -> portById;
            case CONNECTION -> connectionById;
        };
    }
}
