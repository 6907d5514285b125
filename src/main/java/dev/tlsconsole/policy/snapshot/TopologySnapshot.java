package dev.tlsconsole.policy.snapshot;

import dev.tlsconsole.policy.option.Level;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable picture of the topology. Objects are addressed by id (the database key) or, for bulk
 * work such as resolving every connection, by dense index {@code 0..count-1}: indexes are stable for a
 * snapshot and the overlays made from it. Transport strings are parsed once, here.
 */
public final class TopologySnapshot {

    private static final TransportShape[] SHAPES = TransportShape.values();

    private final SnapshotIndex index;
    final HostSnapshot[] hosts;
    final ApplicationSnapshot[] applications;
    final Port[] ports;
    final ConnectionSnapshot[] connections;
    final ParsedTransport[] portTransports;
    final ParsedTransport[] connectionTransports;
    final byte[] connectionShapes;

    TopologySnapshot(SnapshotIndex index, HostSnapshot[] hosts, ApplicationSnapshot[] applications, Port[] ports, ConnectionSnapshot[] connections,
                     ParsedTransport[] portTransports, ParsedTransport[] connectionTransports, byte[] connectionShapes) {
        this.index = index;
        this.hosts = hosts;
        this.applications = applications;
        this.ports = ports;
        this.connections = connections;
        this.portTransports = portTransports;
        this.connectionTransports = connectionTransports;
        this.connectionShapes = connectionShapes;
    }

    /**
     * Builds a snapshot from plain lists (one bulk query each). Throws {@link IllegalArgumentException}
     * on duplicate ids or references to objects that are not in the lists.
     */
    public static TopologySnapshot of(Collection<HostSnapshot> hosts, Collection<ApplicationSnapshot> applications,
                                      Collection<Port> ports, Collection<ConnectionSnapshot> connections) {
        List<HostSnapshot> h = List.copyOf(hosts);
        List<ApplicationSnapshot> a = List.copyOf(applications);
        List<Port> p = List.copyOf(ports);
        List<ConnectionSnapshot> c = List.copyOf(connections);
        SnapshotIndex index = new SnapshotIndex(h, a, p, c);
        // most transports repeat a handful of texts ("tls=1"): parse each distinct text once and share it
        Map<String, ParsedTransport> distinct = new HashMap<>();
        ParsedTransport[] portTransports = new ParsedTransport[p.size()];
        for (int i = 0; i < portTransports.length; i++) {
            portTransports[i] = distinct.computeIfAbsent(p.get(i).transport(), raw -> ParsedTransport.of(raw, Level.PORT));
        }
        distinct.clear();
        ParsedTransport[] connectionTransports = new ParsedTransport[c.size()];
        byte[] shapes = new byte[c.size()];
        for (int i = 0; i < connectionTransports.length; i++) {
            connectionTransports[i] = distinct.computeIfAbsent(c.get(i).transport(), raw -> ParsedTransport.of(raw, Level.CONNECTION));
            shapes[i] = (byte) TransportShape.of(connectionTransports[i]).ordinal();
        }
        return new TopologySnapshot(index, h.toArray(HostSnapshot[]::new), a.toArray(ApplicationSnapshot[]::new),
                p.toArray(Port[]::new), c.toArray(ConnectionSnapshot[]::new), portTransports, connectionTransports, shapes);
    }

    /**
     * A new snapshot with {@code changes} applied in order; this one is left untouched. Throws
     * {@link InvalidChangeException} for an unknown target or a value that could not be saved.
     */
    public TopologySnapshot withChanges(List<StagedChange> changes) {
        return new ChangeApplier(this).apply(changes);
    }

    /**
     * Dense indexes of the connections whose effective policy can change when the given object's
     * options change, ascending; empty for an unknown id.
     */
    public int[] reachableConnections(ObjectType type, long id) {
        OptionalInt i = indexOf(type, id);
        return i.isPresent() ? index.reachable(type, i.getAsInt()) : new int[0];
    }

    public OptionalInt indexOf(ObjectType type, long id) {
        Integer i = index.byId(type).get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public Optional<ConnectionSnapshot> findConnection(long id) {
        OptionalInt i = indexOf(ObjectType.CONNECTION, id);
        return i.isPresent() ? Optional.of(connections[i.getAsInt()]) : Optional.empty();
    }

    public int hostCount() {
        return hosts.length;
    }

    public int applicationCount() {
        return applications.length;
    }

    public int portCount() {
        return ports.length;
    }

    public int connectionCount() {
        return connections.length;
    }

    public HostSnapshot host(int i) {
        return hosts[i];
    }

    public ApplicationSnapshot application(int i) {
        return applications[i];
    }

    public Port port(int i) {
        return ports[i];
    }

    public ConnectionSnapshot connection(int i) {
        return connections[i];
    }

    public ParsedTransport portTransport(int portIndex) {
        return portTransports[portIndex];
    }

    public ParsedTransport connectionTransport(int connectionIndex) {
        return connectionTransports[connectionIndex];
    }

    /** How much the connection's transport asks of the engine; read without touching the parsed text. */
    public TransportShape connectionShape(int connectionIndex) {
        return SHAPES[connectionShapes[connectionIndex]];
    }

    /** The id of the connection at a dense index, from a flat array. */
    public long connectionId(int connectionIndex) {
        return index.connectionIds[connectionIndex];
    }

    public int hostOfApplication(int applicationIndex) {
        return index.hostOfApplication[applicationIndex];
    }

    public int applicationOfPort(int portIndex) {
        return index.applicationOfPort[portIndex];
    }

    public int portOfConnection(int connectionIndex) {
        return index.portOfConnection[connectionIndex];
    }

    /** The port with the same port id on the HA backup of the port's application; -1 when none. */
    public int backupPortOfPort(int portIndex) {
        return index.backupPortOfPort[portIndex];
    }

    public int clientOfConnection(int connectionIndex) {
        return index.clientOfConnection[connectionIndex];
    }

    public ObjectRef hostRef(int i) {
        return new ObjectRef(ObjectType.HOST, hosts[i].id(), hosts[i].name());
    }

    public ObjectRef applicationRef(int i) {
        return new ObjectRef(ObjectType.APPLICATION, applications[i].id(), applications[i].name());
    }

    /** The annex {@code [security]} of application {@code i}: its id and name are the application's. */
    public ObjectRef applicationAnnexRef(int i) {
        return new ObjectRef(ObjectType.APPLICATION_ANNEX, applications[i].id(), applications[i].name());
    }

    /** Named {@code application:portId}. */
    public ObjectRef portRef(int i) {
        ObjectRef ref = index.portRefs[i];
        if (ref == null) {
            Port port = ports[i];
            ref = new ObjectRef(ObjectType.PORT, port.id(), applications[applicationOfPort(i)].name() + ":" + port.portId());
            index.portRefs[i] = ref;
        }
        return ref;
    }

    /** Named {@code client → application:portId}. */
    public ObjectRef connectionRef(int i) {
        ObjectRef ref = index.connectionRefs[i];
        if (ref == null) {
            ref = new ObjectRef(ObjectType.CONNECTION, connections[i].id(),
                    applications[clientOfConnection(i)].name() + " → " + portRef(portOfConnection(i)).name());
            index.connectionRefs[i] = ref;
        }
        return ref;
    }

    SnapshotIndex index() {
        return index;
    }
}
