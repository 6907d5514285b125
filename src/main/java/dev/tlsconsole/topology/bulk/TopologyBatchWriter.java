package dev.tlsconsole.topology.bulk;

import static dev.tlsconsole.topology.bulk.BulkRows.collect;
import static dev.tlsconsole.topology.bulk.BulkRows.key;
import static dev.tlsconsole.topology.bulk.BulkRows.throwIfAny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.InputRevisions.Input;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.OptionChecks.OptionWarning;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortView;
import dev.tlsconsole.topology.application.ApplicationRules;
import dev.tlsconsole.topology.application.ApplicationRules.ApplicationDraft;
import dev.tlsconsole.topology.application.ApplicationRules.ApplicationRef;
import dev.tlsconsole.topology.application.ApplicationRules.PortDraft;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.topology.connection.ConnectionRules;
import dev.tlsconsole.topology.connection.ConnectionRules.ConnectionDraft;
import dev.tlsconsole.topology.host.HostCommands.HostView;
import dev.tlsconsole.topology.host.HostCommands.NewHost;
import dev.tlsconsole.topology.host.HostRules;
import dev.tlsconsole.topology.host.HostRules.HostDraft;

/**
 * Creates the new objects of a bulk import (the Genesys interchange, the JSON document) set-based: every object is checked by the same rules the
 * topology's services apply (HostRules, ApplicationRules, ConnectionRules — every problem of the whole
 * import reported at once, named by file and line), then written with JDBC batches, with one audit entry
 * per object (its after-state as the service would record it) appended to the chain in batches too, and
 * one revision bump per import (the effective policies are recomputed once, not once per object).
 * Going object by object through the services auto-flushed a persistence context that grew with every
 * object: quadratic, minutes for 100,000 connections.
 */
@Component
public class TopologyBatchWriter {


    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final InputRevisions revisions;
    private final Catalog catalog;

    TopologyBatchWriter(JdbcTemplate jdbc, AuditTrail audit, InputRevisions revisions, Catalog catalog) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.revisions = revisions;
        this.catalog = catalog;
    }

    /** A command to create and where it came from (file and line, or its place in the document). */
    public record Origin<T>(T command, String origin) {
    }

    /** Creates {@code hosts}; returns their ids by name key. Throws a 400 listing every problem, writing nothing. */
    public Map<String, Long> createHosts(List<Origin<NewHost>> hosts, IntConsumer progress) {
        if (hosts.isEmpty()) {
            return Map.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<HostDraft> drafts = new ArrayList<>();
        for (Origin<NewHost> host : hosts) {
            ProblemList found = ProblemList.create();
            drafts.add(HostRules.check(host.command(), found));
            collect(found, host.origin(), problems);
        }
        throwIfAny(problems);
        List<Object[]> rows = new ArrayList<>();
        for (HostDraft d : drafts) {
            rows.add(new Object[] {d.name(), key(d.name()), d.ipAddress(), d.osType().name(), d.securityPackVersion(),
                    d.osVersion()});
        }
        batch("insert into host (name, name_key, ip_address, os_type, security_pack_version, os_version, version)"
                + " values (?, ?, ?, ?, ?, ?, 0)", rows, progress);
        Map<String, Long> ids = ids("select id, name_key from host");
        List<Object[]> options = new ArrayList<>();
        List<AuditRecord> records = new ArrayList<>();
        for (HostDraft d : drafts) {
            long id = ids.get(key(d.name()));
            d.security().forEach((k, v) -> options.add(new Object[] {id, k, v}));
            HostView view = new HostView(id, d.name(), d.ipAddress(), d.osType().name(), d.osVersion(),
                    d.securityPackVersion(), d.security(), 0, OptionChecks.sectionWarnings("security", d.security()));
            records.add(AuditRecord.success(AuditAction.HOST_CREATE, id, d.name(), null, view));
        }
        batch("insert into host_option (host_id, option_key, option_value) values (?, ?, ?)", options);
        audit.recordAll(records);
        return ids;
    }

    /**
     * Creates {@code applications} (a backup may be one of them or one already stored) with their options,
     * annexes and ports. {@code hostNames} and {@code stored} resolve what is already in the topology.
     */
    public List<Long> createApplications(List<Origin<NewApplication>> applications, Map<String, ApplicationRef> stored,
            IntConsumer progress) {
        if (applications.isEmpty()) {
            return List.of();
        }
        Map<String, String> hostNames = new HashMap<>();
        jdbc.query("select name_key, name from host", rs -> {
            hostNames.put(rs.getString(1), rs.getString(2));
        });
        Map<String, ApplicationRef> incoming = new HashMap<>();
        for (Origin<NewApplication> a : applications) {
            incoming.putIfAbsent(key(a.command().name()), BulkRows.incoming(a.command(), null, a.command().name().strip(), catalog));
        }
        ApplicationRules.Lookup lookup = BulkRows.lookup(hostNames, incoming, stored);
        List<FieldProblem> problems = new ArrayList<>();
        List<ApplicationDraft> drafts = new ArrayList<>();
        for (Origin<NewApplication> a : applications) {
            ProblemList found = ProblemList.create();
            drafts.add(ApplicationRules.check(a.command(), null, lookup, catalog, found));
            collect(found, a.origin(), problems);
        }
        throwIfAny(problems);
        Map<String, Long> hostIds = ids("select id, name_key from host");
        List<Object[]> rows = new ArrayList<>();
        for (ApplicationDraft d : drafts) {
            rows.add(new Object[] {d.name(), key(d.name()), d.componentType(), d.componentVersion(), hostIds.get(key(d.host()))});
        }
        batch("insert into application (name, name_key, component_type, component_version, host_id, version)"
                + " values (?, ?, ?, ?, ?, 0)", rows, progress);
        Map<String, Long> ids = ids("select id, name_key from application");
        List<Object[]> backups = new ArrayList<>();
        List<Object[]> options = new ArrayList<>();
        List<Object[]> annexes = new ArrayList<>();
        List<Object[]> ports = new ArrayList<>();
        for (ApplicationDraft d : drafts) {
            long id = ids.get(key(d.name()));
            if (d.backup() != null) {
                backups.add(new Object[] {ids.get(key(d.backup())), id});
            }
            d.security().forEach((k, v) -> options.add(new Object[] {id, k, v}));
            d.annex().forEach((k, v) -> annexes.add(new Object[] {id, k, v}));
            for (int i = 0; i < d.ports().size(); i++) {
                PortDraft p = d.ports().get(i);
                ports.add(new Object[] {id, p.portId(), p.number(), p.listeningMode().name(), p.transport(), i});
            }
        }
        batch("update application set backup_id = ? where id = ?", backups);
        batch("insert into application_option (application_id, option_key, option_value) values (?, ?, ?)", options);
        batch("insert into application_annex_option (application_id, option_key, option_value) values (?, ?, ?)", annexes);
        batch("insert into listening_port (application_id, port_id, port_number, listening_mode, transport, ordinal)"
                + " values (?, ?, ?, ?, ?, ?)", ports);
        List<AuditRecord> records = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        for (ApplicationDraft d : drafts) {
            long id = ids.get(key(d.name()));
            created.add(id);
            List<PortView> portViews = d.ports().stream()
                    .map(p -> new PortView(p.portId(), p.number(), p.listeningMode().name(), p.transport())).toList();
            List<OptionWarning> warnings = new ArrayList<>(OptionChecks.sectionWarnings("security", d.security()));
            warnings.addAll(OptionChecks.sectionWarnings("annex", d.annex()));
            for (int i = 0; i < portViews.size(); i++) {
                warnings.addAll(OptionChecks.transportWarnings("ports[" + i + "].transport", portViews.get(i).transport()));
            }
            ApplicationView view = new ApplicationView(id, d.name(), d.componentType(), d.componentVersion(), d.host(),
                    hostIds.get(key(d.host())), d.backup(), d.backup() == null ? null : ids.get(key(d.backup())),
                    d.security(), d.annex(), portViews, 0, warnings);
            records.add(AuditRecord.success(AuditAction.APPLICATION_CREATE, id, d.name(), null, view));
        }
        audit.recordAll(records);
        return created;
    }

    /** A stored port as a connection needs it. */
    private record PortEnd(long id, long applicationId, String portId, int number, String listeningMode) {
    }

    /**
     * Creates {@code connections} between applications as they are stored now (read set-based here, after
     * the applications were written); returns the ids of the created connections.
     */
    public List<Long> createConnections(List<Origin<NewConnection>> connections, IntConsumer progress) {
        if (connections.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>();
        Map<String, Long> applicationIds = new HashMap<>();
        jdbc.query("select id, name from application", rs -> {
            names.put(rs.getLong(1), rs.getString(2));
            applicationIds.put(key(rs.getString(2)), rs.getLong(1));
        });
        Map<Long, Map<String, PortEnd>> ports = new HashMap<>();
        jdbc.query("select id, application_id, port_id, port_number, listening_mode from listening_port order by application_id, ordinal",
                rs -> {
                    PortEnd port = new PortEnd(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5));
                    ports.computeIfAbsent(port.applicationId(), id -> new java.util.LinkedHashMap<>()).put(port.portId(), port);
                });
        Map<String, ApplicationRef> refs = new HashMap<>();
        names.forEach((id, name) -> refs.put(key(name), new ApplicationRef(id, name, null, null,
                List.copyOf(ports.getOrDefault(id, Map.of()).keySet()))));
        ApplicationRules.Lookup lookup = new ApplicationRules.Lookup() {
            @Override
            public Optional<String> host(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<ApplicationRef> application(String name) {
                return Optional.ofNullable(refs.get(key(name)));
            }
        };
        java.util.Set<String> existing = new java.util.HashSet<>();
        jdbc.query("select client_id, server_port_id from connection", rs -> {
            existing.add(rs.getLong(1) + ":" + rs.getLong(2));
        });
        List<FieldProblem> problems = new ArrayList<>();
        List<ConnectionDraft> drafts = new ArrayList<>();
        for (Origin<NewConnection> c : connections) {
            ProblemList found = ProblemList.create();
            ConnectionDraft draft = ConnectionRules.check(c.command(), lookup, found);
            collect(found, c.origin(), problems);
            if (found.isEmpty()) {
                long client = applicationIds.get(key(draft.client()));
                PortEnd port = ports.get(applicationIds.get(key(draft.server()))).get(draft.portId());
                if (!existing.add(client + ":" + port.id())) {
                    problems.add(new FieldProblem(c.origin(), c.origin() + ": portId: '" + draft.client()
                            + "' already has a connection to port '" + draft.portId() + "' of '" + draft.server() + "'"));
                }
            }
            drafts.add(draft);
        }
        throwIfAny(problems);
        List<Object[]> rows = new ArrayList<>();
        List<PortEnd> ends = new ArrayList<>();
        for (ConnectionDraft d : drafts) {
            PortEnd port = ports.get(applicationIds.get(key(d.server()))).get(d.portId());
            ends.add(port);
            rows.add(new Object[] {applicationIds.get(key(d.client())), port.id(), d.transport() == null ? "" : d.transport()});
        }
        batch("insert into connection (client_id, server_port_id, transport, version) values (?, ?, ?, 0)", rows, progress);
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select id, client_id, server_port_id from connection",
                rs -> {
                    ids.put(rs.getLong(2) + ":" + rs.getLong(3), rs.getLong(1));
                });
        List<AuditRecord> records = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ConnectionDraft d = drafts.get(i);
            PortEnd port = ends.get(i);
            long clientId = applicationIds.get(key(d.client()));
            long id = ids.get(clientId + ":" + port.id());
            created.add(id);
            String transport = d.transport() == null ? "" : d.transport();
            ConnectionView view = new ConnectionView(id, d.client(), clientId, d.server(), port.applicationId(), d.portId(),
                    port.number(), port.listeningMode(), transport, 0, OptionChecks.transportWarnings("transport", transport));
            records.add(AuditRecord.success(AuditAction.CONNECTION_CREATE, id, view.label(), null, view));
        }
        audit.recordAll(records);
        return created;
    }

    /** Once per import that created something: the effective policies are recomputed once, from the whole result. */
    public void bumpRevision() {
        revisions.bump(Input.TOPOLOGY);
    }

    private Map<String, Long> ids(String sql) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(sql, rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        });
        return ids;
    }

    private void batch(String sql, List<Object[]> rows) {
        batch(sql, rows, done -> { });
    }

    /** Writes {@code rows} in batches, telling {@code progress} how many are written after each. */
    private void batch(String sql, List<Object[]> rows, IntConsumer progress) {
        BulkRows.batch(jdbc, sql, rows, progress);
    }



}
