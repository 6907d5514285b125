package dev.tlsconsole.topology.bulk;

import static dev.tlsconsole.topology.bulk.BulkRows.collect;
import static dev.tlsconsole.topology.bulk.BulkRows.key;
import static dev.tlsconsole.topology.bulk.BulkRows.throwIfAny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.OptionChecks.OptionWarning;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.TopologyReader.ApplicationRow;
import dev.tlsconsole.topology.TopologyReader.ConnectionRow;
import dev.tlsconsole.topology.TopologyReader.HostRow;
import dev.tlsconsole.topology.TopologyReader.OptionRow;
import dev.tlsconsole.topology.TopologyReader.PortRow;
import dev.tlsconsole.topology.TopologyReader.Rows;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortView;
import dev.tlsconsole.topology.application.ApplicationRules;
import dev.tlsconsole.topology.application.ApplicationRules.ApplicationDraft;
import dev.tlsconsole.topology.application.ApplicationRules.ApplicationRef;
import dev.tlsconsole.topology.application.ApplicationRules.PortDraft;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.host.HostCommands.HostView;
import dev.tlsconsole.topology.host.HostCommands.NewHost;
import dev.tlsconsole.topology.host.HostRules;
import dev.tlsconsole.topology.host.HostRules.HostDraft;
import dev.tlsconsole.policy.option.TransportString;

/**
 * Updates and deletions of a bulk import, set-based like {@link TopologyBatchWriter}'s creations: every
 * change is checked by the rules the topology's services apply (every problem of the whole import at once,
 * named by file and line), then written with JDBC batches; each object changed gets one audit entry with
 * its before and after state as the service would record it (appended in batches); a row whose version
 * moved since it was read is a conflict, and the caller's transaction rolls everything back. The caller
 * bumps the topology revision once ({@link TopologyBatchWriter#bumpRevision()}).
 * <p>
 * {@code before} is the topology as the import read it, before anything was written.
 */
@Component
public class TopologyBatchUpdater {


    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Catalog catalog;

    TopologyBatchUpdater(JdbcTemplate jdbc, AuditTrail audit, Catalog catalog) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.catalog = catalog;
    }

    /** A stored object to bring to {@code command}, based on the version the import read. */
    public record Update<T>(long id, long version, T command, String origin) {
    }

    /** Brings hosts to their commands (attributes and annex {@code [security]}; the name stays). */
    public void updateHosts(List<Update<NewHost>> updates, Rows before, IntConsumer progress) {
        if (updates.isEmpty()) {
            return;
        }
        Index index = new Index(before);
        List<FieldProblem> problems = new ArrayList<>();
        List<HostDraft> drafts = new ArrayList<>();
        for (Update<NewHost> update : updates) {
            ProblemList found = ProblemList.create();
            drafts.add(HostRules.check(update.command(), found));
            collect(found, update.origin(), problems);
        }
        throwIfAny(problems);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> ids = new ArrayList<>();
        List<Object[]> options = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            Update<NewHost> update = updates.get(i);
            HostDraft d = drafts.get(i);
            rows.add(new Object[] {d.ipAddress(), d.osType().name(), d.securityPackVersion(), d.osVersion(), update.id(),
                    update.version()});
            ids.add(new Object[] {update.id()});
            d.security().forEach((k, v) -> options.add(new Object[] {update.id(), k, v}));
        }
        checked("Host", updates, batch("update host set ip_address = ?, os_type = ?, security_pack_version = ?,"
                + " os_version = ?, version = version + 1 where id = ? and version = ?", rows, progress), index);
        batch("delete from host_option where host_id = ?", ids);
        batch("insert into host_option (host_id, option_key, option_value) values (?, ?, ?)", options);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            Update<NewHost> update = updates.get(i);
            HostDraft d = drafts.get(i);
            HostView was = index.host(update.id());
            HostView now = new HostView(update.id(), was.name(), d.ipAddress(), d.osType().name(), d.osVersion(),
                    d.securityPackVersion(), d.security(), update.version() + 1,
                    OptionChecks.sectionWarnings("security", d.security()));
            records.add(AuditRecord.success(AuditAction.HOST_UPDATE, update.id(), was.name(), was, now));
        }
        audit.recordAll(records);
    }

    /**
     * Brings applications to their commands: attributes, options, annex and ports (a port keeps its row, and
     * the connections to it, while its id stays; a port removed must have no connection).
     */
    public void updateApplications(List<Update<NewApplication>> updates, Rows before, IntConsumer progress) {
        if (updates.isEmpty()) {
            return;
        }
        Index index = new Index(before);
        // the topology as it is now (after this import's creations), with the updates applied, for the rules
        Map<String, String> hostNames = new HashMap<>();
        Map<String, Long> hostIds = new HashMap<>();
        jdbc.query("select id, name from host", rs -> {
            hostNames.put(key(rs.getString(2)), rs.getString(2));
            hostIds.put(key(rs.getString(2)), rs.getLong(1));
        });
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> types = new HashMap<>();
        Map<Long, Long> backups = new HashMap<>();
        jdbc.query("select id, name, component_type, backup_id from application", rs -> {
            names.put(rs.getLong(1), rs.getString(2));
            types.put(rs.getLong(1), rs.getString(3));
            long backup = rs.getLong(4);
            if (!rs.wasNull()) {
                backups.put(rs.getLong(1), backup);
            }
        });
        Map<Long, Map<String, Long>> portIds = new HashMap<>();
        jdbc.query("select id, application_id, port_id from listening_port order by application_id, ordinal", rs -> {
            portIds.computeIfAbsent(rs.getLong(2), id -> new LinkedHashMap<>()).put(key(rs.getString(3)), rs.getLong(1));
        });
        Set<Long> usedPorts = new HashSet<>();
        jdbc.query("select distinct server_port_id from connection", rs -> {
            usedPorts.add(rs.getLong(1));
        });
        Map<String, ApplicationRef> stored = new HashMap<>();
        Map<String, Long> applicationIds = new HashMap<>();
        names.forEach((id, name) -> {
            applicationIds.put(key(name), id);
            Long backup = backups.get(id);
            stored.put(key(name), new ApplicationRef(id, name, types.get(id), backup == null ? null : names.get(backup),
                    portIds.getOrDefault(id, Map.of()).keySet().stream().toList()));
        });
        Map<String, ApplicationRef> incoming = new HashMap<>();
        for (Update<NewApplication> u : updates) {
            incoming.put(key(u.command().name()), BulkRows.incoming(u.command(), u.id(), names.get(u.id()), catalog));
        }
        ApplicationRules.Lookup lookup = BulkRows.lookup(hostNames, incoming, stored);
        Map<String, List<ApplicationRef>> primaries = new HashMap<>();
        for (ApplicationRef ref : incomingOrStored(stored, incoming)) {
            if (ref.backup() != null) {
                primaries.computeIfAbsent(key(ref.backup()), k -> new ArrayList<>()).add(ref);
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<ApplicationDraft> drafts = new ArrayList<>();
        for (Update<NewApplication> u : updates) {
            ProblemList found = ProblemList.create();
            ApplicationDraft draft = ApplicationRules.check(u.command(), u.id(), lookup, catalog, found);
            collect(found, u.origin(), problems);
            drafts.add(draft);
            if (!found.isEmpty()) {
                continue;
            }
            // a backup has the type of its primary: the primaries of this one keep theirs
            for (ApplicationRef other : primaries.getOrDefault(key(draft.name()), List.of())) {
                if (other.componentType() != null && !other.componentType().equals(draft.componentType())) {
                    problems.add(new FieldProblem(u.origin(), u.origin() + ": componentType: '" + other.name() + "' (a "
                            + other.componentType() + ") names this application as its backup: a backup has the type of its primary"));
                }
            }
            Set<String> wanted = new HashSet<>();
            draft.ports().forEach(p -> wanted.add(key(p.portId())));
            portIds.getOrDefault(u.id(), Map.of()).forEach((portKey, portId) -> {
                if (!wanted.contains(portKey) && usedPorts.contains(portId)) {
                    problems.add(new FieldProblem(u.origin(), u.origin() + ": ports: port '" + portKey + "' of '"
                            + draft.name() + "' is used by connections: delete or re-point them before removing the port"));
                }
            });
        }
        throwIfAny(problems);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> ids = new ArrayList<>();
        List<Object[]> options = new ArrayList<>();
        List<Object[]> annexes = new ArrayList<>();
        List<Object[]> portUpdates = new ArrayList<>();
        List<Object[]> portInserts = new ArrayList<>();
        List<Object[]> portDeletes = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            Update<NewApplication> u = updates.get(i);
            ApplicationDraft d = drafts.get(i);
            rows.add(new Object[] {d.componentType(), d.componentVersion(), hostIds.get(key(d.host())),
                    d.backup() == null ? null : applicationIds.get(key(d.backup())), u.id(), u.version()});
            ids.add(new Object[] {u.id()});
            d.security().forEach((k, v) -> options.add(new Object[] {u.id(), k, v}));
            d.annex().forEach((k, v) -> annexes.add(new Object[] {u.id(), k, v}));
            Map<String, Long> existing = new HashMap<>(portIds.getOrDefault(u.id(), Map.of()));
            for (int p = 0; p < d.ports().size(); p++) {
                PortDraft port = d.ports().get(p);
                Long portRow = existing.remove(key(port.portId()));
                if (portRow == null) {
                    portInserts.add(new Object[] {u.id(), port.portId(), port.number(), port.listeningMode().name(),
                            port.transport(), p});
                } else {
                    portUpdates.add(new Object[] {port.portId(), port.number(), port.listeningMode().name(), port.transport(),
                            p, portRow});
                }
            }
            existing.values().forEach(portRow -> portDeletes.add(new Object[] {portRow}));
        }
        checked("Application", updates, batch("update application set component_type = ?, component_version = ?,"
                + " host_id = ?, backup_id = ?, version = version + 1 where id = ? and version = ?", rows, progress), index);
        batch("delete from application_option where application_id = ?", ids);
        batch("insert into application_option (application_id, option_key, option_value) values (?, ?, ?)", options);
        batch("delete from application_annex_option where application_id = ?", ids);
        batch("insert into application_annex_option (application_id, option_key, option_value) values (?, ?, ?)", annexes);
        batch("delete from listening_port where id = ?", portDeletes);
        batch("update listening_port set port_id = ?, port_number = ?, listening_mode = ?, transport = ?, ordinal = ?"
                + " where id = ?", portUpdates);
        batch("insert into listening_port (application_id, port_id, port_number, listening_mode, transport, ordinal)"
                + " values (?, ?, ?, ?, ?, ?)", portInserts);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            Update<NewApplication> u = updates.get(i);
            ApplicationDraft d = drafts.get(i);
            ApplicationView was = index.application(u.id());
            List<PortView> ports = d.ports().stream()
                    .map(p -> new PortView(p.portId(), p.number(), p.listeningMode().name(), p.transport())).toList();
            ApplicationView now = new ApplicationView(u.id(), d.name(), d.componentType(), d.componentVersion(), d.host(),
                    hostIds.get(key(d.host())), d.backup(), d.backup() == null ? null : applicationIds.get(key(d.backup())),
                    d.security(), d.annex(), ports, u.version() + 1, warnings(d.security(), d.annex(), ports));
            records.add(AuditRecord.success(AuditAction.APPLICATION_UPDATE, u.id(), was.name(), was, now));
        }
        audit.recordAll(records);
    }

    /** Gives connections a new transport (client, server and port stay). */
    public void updateConnectionTransports(List<Update<String>> updates, Rows before, IntConsumer progress) {
        if (updates.isEmpty()) {
            return;
        }
        Index index = new Index(before);
        List<FieldProblem> problems = new ArrayList<>();
        List<String> transports = new ArrayList<>();
        for (Update<String> u : updates) {
            ProblemList found = ProblemList.create();
            String transport = u.command() == null || u.command().isBlank() ? ""
                    : OptionChecks.transport(Level.CONNECTION, u.command(), found, "transport").map(TransportString::render)
                            .orElse("");
            collect(found, u.origin(), problems);
            transports.add(transport);
        }
        throwIfAny(problems);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            rows.add(new Object[] {transports.get(i), updates.get(i).id(), updates.get(i).version()});
        }
        checked("Connection", updates, batch("update connection set transport = ?, version = version + 1"
                + " where id = ? and version = ?", rows, progress), index);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            Update<String> u = updates.get(i);
            ConnectionView was = index.connection(u.id());
            String transport = transports.get(i);
            ConnectionView now = new ConnectionView(u.id(), was.client(), was.clientId(), was.server(), was.serverId(),
                    was.portId(), was.portNumber(), was.listeningMode(), transport, u.version() + 1,
                    OptionChecks.transportWarnings("transport", transport));
            records.add(AuditRecord.success(AuditAction.CONNECTION_UPDATE, u.id(), now.label(), was, now));
        }
        audit.recordAll(records);
    }

    /** Deletes connections (nothing depends on one). */
    public void deleteConnections(List<Long> ids, Rows before) {
        if (ids.isEmpty()) {
            return;
        }
        Index index = new Index(before);
        batch("delete from connection where id = ?", ids.stream().map(id -> new Object[] {id}).toList());
        List<AuditRecord> records = new ArrayList<>();
        for (long id : ids) {
            ConnectionView was = index.connection(id);
            records.add(AuditRecord.success(AuditAction.CONNECTION_DELETE, id, was.label(), was, null));
        }
        audit.recordAll(records);
    }

    /**
     * Deletes applications with their connections (either way) and clears the backup references to them, as a
     * confirmed cascade of the service does; each entry lists what went with the application.
     */
    public void deleteApplications(List<Long> ids, Rows before) {
        if (ids.isEmpty()) {
            return;
        }
        Index index = new Index(before);
        Set<Long> gone = new HashSet<>(ids);
        Map<Long, List<String>> connectionsOf = new HashMap<>();
        List<Object[]> connections = new ArrayList<>();
        jdbc.query("select c.id, c.client_id, p.application_id from connection c join listening_port p on p.id = c.server_port_id",
                rs -> {
                    long id = rs.getLong(1);
                    long client = rs.getLong(2);
                    long server = rs.getLong(3);
                    if (gone.contains(client) || gone.contains(server)) {
                        connections.add(new Object[] {id});
                        ConnectionView view = index.connections.containsKey(id) ? index.connection(id) : null;
                        String label = view == null ? "connection " + id : view.label();
                        for (long end : Set.of(client, server)) {
                            if (gone.contains(end)) {
                                connectionsOf.computeIfAbsent(end, k -> new ArrayList<>()).add(label);
                            }
                        }
                    }
                });
        Map<Long, List<String>> primariesOf = new HashMap<>();
        List<Object[]> cleared = new ArrayList<>();
        List<Object[]> unset = new ArrayList<>();
        jdbc.query("select id, name, backup_id from application where backup_id is not null", rs -> {
            long id = rs.getLong(1);
            long backup = rs.getLong(3);
            if (gone.contains(backup)) {
                primariesOf.computeIfAbsent(backup, k -> new ArrayList<>()).add(rs.getString(2));
                (gone.contains(id) ? unset : cleared).add(new Object[] {id});
            } else if (gone.contains(id)) {
                unset.add(new Object[] {id});
            }
        });
        batch("delete from connection where id = ?", connections);
        batch("update application set backup_id = null, version = version + 1 where id = ?", cleared);
        batch("update application set backup_id = null where id = ?", unset);
        batch("delete from application where id = ?", ids.stream().map(id -> new Object[] {id}).toList());
        List<AuditRecord> records = new ArrayList<>();
        for (long id : ids) {
            ApplicationView was = index.application(id);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("application", was);
            state.put("deletedConnections", connectionsOf.getOrDefault(id, List.of()));
            state.put("clearedBackupOf", primariesOf.getOrDefault(id, List.of()).stream()
                    .filter(name -> !gone.contains(index.applicationId(name))).toList());
            records.add(AuditRecord.success(AuditAction.APPLICATION_DELETE, id, was.name(), state, null));
        }
        audit.recordAll(records);
    }

    /**
     * Deletes hosts, with the applications still running on them (and their connections), as a confirmed
     * cascade of the service does.
     */
    public void deleteHosts(List<Long> ids, Rows before) {
        if (ids.isEmpty()) {
            return;
        }
        Index index = new Index(before);
        Set<Long> gone = new HashSet<>(ids);
        Map<Long, List<Long>> applicationsOn = new HashMap<>();
        jdbc.query("select id, host_id from application", rs -> {
            if (gone.contains(rs.getLong(2))) {
                applicationsOn.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1));
            }
        });
        List<Long> applications = applicationsOn.values().stream().flatMap(List::stream).toList();
        Map<Long, List<String>> connectionsOf = new HashMap<>();
        Map<Long, List<String>> clearedOf = new HashMap<>();
        if (!applications.isEmpty()) {
            Set<Long> apps = new HashSet<>(applications);
            Map<Long, Long> hostOf = new HashMap<>();
            applicationsOn.forEach((host, list) -> list.forEach(app -> hostOf.put(app, host)));
            jdbc.query("select c.id, c.client_id, p.application_id from connection c join listening_port p on p.id = c.server_port_id",
                    rs -> {
                        long id = rs.getLong(1);
                        Long clientHost = hostOf.get(rs.getLong(2));
                        Long serverHost = hostOf.get(rs.getLong(3));
                        if (clientHost != null || serverHost != null) {
                            String label = index.connections.containsKey(id) ? index.connection(id).label() : "connection " + id;
                            for (Long host : new HashSet<>(java.util.Arrays.asList(clientHost, serverHost))) {
                                if (host != null) {
                                    connectionsOf.computeIfAbsent(host, k -> new ArrayList<>()).add(label);
                                }
                            }
                        }
                    });
            jdbc.query("select name, backup_id from application where backup_id is not null", rs -> {
                Long host = hostOf.get(rs.getLong(2));
                if (host != null && !apps.contains(index.applicationId(rs.getString(1)))) {
                    clearedOf.computeIfAbsent(host, k -> new ArrayList<>()).add(rs.getString(1));
                }
            });
            deleteApplicationsQuietly(applications);
        }
        batch("delete from host where id = ?", ids.stream().map(id -> new Object[] {id}).toList());
        List<AuditRecord> records = new ArrayList<>();
        for (long id : ids) {
            HostView was = index.host(id);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("host", was);
            List<Long> on = applicationsOn.getOrDefault(id, List.of());
            if (!on.isEmpty()) {
                state.put("deletedApplications", on.stream().map(app -> index.applicationName(app)).toList());
                state.put("deletedConnections", connectionsOf.getOrDefault(id, List.of()));
                state.put("clearedBackupOf", clearedOf.getOrDefault(id, List.of()).stream().distinct().toList());
            }
            records.add(AuditRecord.success(AuditAction.HOST_DELETE, id, was.name(), state, null));
        }
        audit.recordAll(records);
    }

    /** The applications of a host cascade: their connections, backup references, rows (options and ports cascade). */
    private void deleteApplicationsQuietly(List<Long> ids) {
        Set<Long> gone = new HashSet<>(ids);
        List<Object[]> connections = new ArrayList<>();
        jdbc.query("select c.id, c.client_id, p.application_id from connection c join listening_port p on p.id = c.server_port_id",
                rs -> {
                    if (gone.contains(rs.getLong(2)) || gone.contains(rs.getLong(3))) {
                        connections.add(new Object[] {rs.getLong(1)});
                    }
                });
        List<Object[]> cleared = new ArrayList<>();
        List<Object[]> unset = new ArrayList<>();
        jdbc.query("select id, backup_id from application where backup_id is not null", rs -> {
            if (gone.contains(rs.getLong(1))) {
                unset.add(new Object[] {rs.getLong(1)});
            } else if (gone.contains(rs.getLong(2))) {
                cleared.add(new Object[] {rs.getLong(1)});
            }
        });
        batch("delete from connection where id = ?", connections);
        batch("update application set backup_id = null, version = version + 1 where id = ?", cleared);
        batch("update application set backup_id = null where id = ?", unset);
        batch("delete from application where id = ?", ids.stream().map(id -> new Object[] {id}).toList());
    }

    private static List<ApplicationRef> incomingOrStored(Map<String, ApplicationRef> stored, Map<String, ApplicationRef> incoming) {
        List<ApplicationRef> all = new ArrayList<>(incoming.values());
        stored.forEach((k, ref) -> {
            if (!incoming.containsKey(k)) {
                all.add(ref);
            }
        });
        return all;
    }

    private static List<OptionWarning> warnings(SortedMap<String, String> security, SortedMap<String, String> annex,
            List<PortView> ports) {
        List<OptionWarning> warnings = new ArrayList<>(OptionChecks.sectionWarnings("security", security));
        warnings.addAll(OptionChecks.sectionWarnings("annex", annex));
        for (int i = 0; i < ports.size(); i++) {
            warnings.addAll(OptionChecks.transportWarnings("ports[" + i + "].transport", ports.get(i).transport()));
        }
        return List.copyOf(warnings);
    }

    /** Every row must have been at the version the import read: otherwise someone changed it meanwhile. */
    private static void checked(String type, List<? extends Update<?>> updates, int[] counts, Index index) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                Update<?> u = updates.get(i);
                throw new ConflictException(type + " " + u.id() + " (" + u.origin() + ") was changed by someone else while"
                        + " the import ran: nothing was imported, import again", Map.of("id", u.id()));
            }
        }
    }

    private void batch(String sql, List<Object[]> rows) {
        batch(sql, rows, done -> { });
    }

    /** Writes {@code rows} in batches; the update counts, row by row. */
    private int[] batch(String sql, List<Object[]> rows, IntConsumer progress) {
        return BulkRows.batch(jdbc, sql, rows, progress);
    }




    /** The views of the objects as the import read them (what the services' audit entries call "before"). */
    private static final class Index {

        final Map<Long, HostRow> hosts = new HashMap<>();
        final Map<Long, ApplicationRow> applications = new HashMap<>();
        final Map<String, Long> applicationIds = new HashMap<>();
        final Map<Long, ConnectionRow> connections = new HashMap<>();
        final Map<Long, SortedMap<String, String>> hostOptions = new HashMap<>();
        final Map<Long, SortedMap<String, String>> options = new HashMap<>();
        final Map<Long, SortedMap<String, String>> annexes = new HashMap<>();
        final Map<Long, List<PortRow>> ports = new HashMap<>();
        final Map<Long, PortRow> portsById = new HashMap<>();

        Index(Rows rows) {
            rows.hosts().forEach(h -> hosts.put(h.id(), h));
            rows.applications().forEach(a -> {
                applications.put(a.id(), a);
                applicationIds.put(key(a.name()), a.id());
            });
            rows.connections().forEach(c -> connections.put(c.id(), c));
            put(rows.hostOptions(), hostOptions);
            put(rows.applicationOptions(), options);
            put(rows.applicationAnnexOptions(), annexes);
            rows.ports().forEach(p -> {
                ports.computeIfAbsent(p.applicationId(), id -> new ArrayList<>()).add(p);
                portsById.put(p.id(), p);
            });
            ports.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.ordinal(), b.ordinal())));
        }

        private static void put(List<OptionRow> rows, Map<Long, SortedMap<String, String>> into) {
            rows.forEach(o -> into.computeIfAbsent(o.ownerId(), id -> new TreeMap<>()).put(o.key(), o.value()));
        }

        Long applicationId(String name) {
            return applicationIds.get(key(name));
        }

        String applicationName(long id) {
            ApplicationRow row = applications.get(id);
            return row == null ? "application " + id : row.name();
        }

        HostView host(long id) {
            HostRow h = hosts.get(id);
            SortedMap<String, String> security = hostOptions.getOrDefault(id, new TreeMap<>());
            return new HostView(h.id(), h.name(), h.ipAddress(), h.osType().name(), h.osVersion(), h.securityPackVersion(),
                    security, h.version(), OptionChecks.sectionWarnings("security", security));
        }

        ApplicationView application(long id) {
            ApplicationRow a = applications.get(id);
            HostRow host = hosts.get(a.hostId());
            ApplicationRow backup = a.backupId() == null ? null : applications.get(a.backupId());
            List<PortView> portViews = ports.getOrDefault(id, List.of()).stream()
                    .map(p -> new PortView(p.portId(), p.number(), p.listeningMode().name(), p.transport())).toList();
            SortedMap<String, String> security = options.getOrDefault(id, new TreeMap<>());
            SortedMap<String, String> annex = annexes.getOrDefault(id, new TreeMap<>());
            return new ApplicationView(a.id(), a.name(), a.componentType(), a.componentVersion(), host.name(), host.id(),
                    backup == null ? null : backup.name(), backup == null ? null : backup.id(), security, annex, portViews,
                    a.version(), warnings(security, annex, portViews));
        }

        ConnectionView connection(long id) {
            ConnectionRow c = connections.get(id);
            PortRow port = portsById.get(c.serverPortId());
            return new ConnectionView(c.id(), applicationName(c.clientId()), c.clientId(), applicationName(c.serverId()),
                    c.serverId(), c.portId(), port.number(), port.listeningMode().name(), c.transport(), c.version(),
                    OptionChecks.transportWarnings("transport", c.transport()));
        }
    }
}
