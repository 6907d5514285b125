package dev.tlsconsole.interchange;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.certificates.assignment.CertificateInterchange;
import dev.tlsconsole.resolution.LiveEngine;
import dev.tlsconsole.interchange.Incoming.ApplicationAttributes;
import dev.tlsconsole.interchange.Incoming.ApplicationIn;
import dev.tlsconsole.interchange.Incoming.ConnectionIn;
import dev.tlsconsole.interchange.Incoming.HostAttributes;
import dev.tlsconsole.interchange.Incoming.HostIn;
import dev.tlsconsole.interchange.Incoming.PortIn;
import dev.tlsconsole.interchange.ImportPlan.Created;
import dev.tlsconsole.interchange.ImportPlan.Deleted;
import dev.tlsconsole.interchange.ImportPlan.Updated;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.PolicySummary;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.TopologyReader;
import dev.tlsconsole.topology.TopologyReader.ApplicationRow;
import dev.tlsconsole.topology.TopologyReader.ConnectionRow;
import dev.tlsconsole.topology.TopologyReader.HostRow;
import dev.tlsconsole.topology.TopologyReader.PortRow;
import dev.tlsconsole.topology.bulk.TopologyBatchUpdater;
import dev.tlsconsole.topology.bulk.TopologyBatchUpdater.Update;
import dev.tlsconsole.topology.bulk.TopologyBatchWriter;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;
import dev.tlsconsole.topology.application.ApplicationRules;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.topology.host.HostCommands.NewHost;

import jakarta.persistence.EntityManager;

/**
 * Brings the topology to what an {@link Incoming} says, inside the caller's transaction: objects matched
 * by name (ignoring case), created when new, updated only in the parts the input carries, deleted only
 * with {@code prune}. Creations, updates and deletions are written set-based ({@link TopologyBatchWriter},
 * {@link TopologyBatchUpdater}) under the rules the services apply, each object changed with its own audit
 * entry, and one revision bump. While it works it records the plan (what was created, which
 * keys each level gained, changed or lost); afterwards it resolves the connections reachable from what
 * changed on the topology before and after, inside the same transaction, for the impact. A dry run is
 * the same run rolled back: the plan is exactly what an apply does.
 */
@Component
class TopologyUpsert {

    private final TopologyReader reader;
    private final TopologyBatchUpdater updater;
    private final Catalog catalog;
    private final LiveEngine engine;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final TopologyBatchWriter writer;

    TopologyUpsert(TopologyBatchWriter writer, TopologyBatchUpdater updater, TopologyReader reader, Catalog catalog,
            LiveEngine engine, AuditTrail audit, EntityManager entityManager) {
        this.reader = reader;
        this.updater = updater;
        this.catalog = catalog;
        this.engine = engine;
        this.audit = audit;
        this.entityManager = entityManager;
        this.writer = writer;
    }

    /** Runs the import in the current transaction; marks it rollback-only for a dry run. */
    ImportPlan run(Incoming in, boolean dryRun, boolean prune, AuditAction action) {
        return run(in, dryRun, prune, action, null);
    }

    /**
     * The same, judging the impact with these certificate facts before and after (an import that brings
     * certificates and CRLs); when the facts change, every connection is judged, not only those reachable
     * from the topology's changes. {@code null}: the console's facts, which the import does not change.
     */
    ImportPlan run(Incoming in, boolean dryRun, boolean prune, AuditAction action, CertificateInterchange.Facts facts) {
        Run run = new Run(in, prune);
        run.execute();
        ImportPlan.Impact impact = run.impact(facts);
        List<ImportPlan.WarningJson> warnings = in.warnings.stream()
                .map(w -> new ImportPlan.WarningJson(w.file(), w.line() == 0 ? null : w.line(), w.message())).toList();
        ImportPlan plan = new ImportPlan(dryRun, run.created, run.updated, run.deleted, run.unchanged, warnings, impact);
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else {
            audit.record(AuditRecord.success(action, null, null, null, Map.of("created", run.created.size(),
                    "updated", run.updated.size(), "deleted", run.deleted.size(), "unchanged", run.unchanged)));
        }
        return plan;
    }

    private final class Run {

        final Incoming in;
        final boolean prune;
        final RowIndex before;
        final TopologySnapshot beforeSnapshot;
        final Map<String, HostRow> hostsByKey = new HashMap<>();
        final Map<String, ApplicationRow> applicationsByKey = new HashMap<>();
        final List<Created> created = new ArrayList<>();
        final List<Updated> updated = new ArrayList<>();
        final List<Deleted> deleted = new ArrayList<>();
        final Set<Long> touchedHosts = new HashSet<>();
        final Set<Long> touchedApplications = new HashSet<>();
        final Set<Long> touchedConnections = new HashSet<>();
        int unchanged;
        boolean changedAny;
        final ImportProgress progress = ImportProgress.current();
        final List<TopologyBatchWriter.Origin<NewHost>> newHosts = new ArrayList<>();
        final List<Update<NewHost>> hostUpdates = new ArrayList<>();
        final List<Update<NewApplication>> applicationUpdates = new ArrayList<>();

        Run(Incoming in, boolean prune) {
            this.in = in;
            this.prune = prune;
            this.before = new RowIndex(reader.readAll());
            this.beforeSnapshot = engine.snapshotOf(before.rows);
            before.rows.hosts().forEach(h -> hostsByKey.put(Incoming.key(h.name()), h));
            before.rows.applications().forEach(a -> applicationsByKey.put(Incoming.key(a.name()), a));
        }

        void execute() {
            progress.phase(ImportProgress.Phase.CHECKING, 0);
            checkSections();
            for (HostIn host : in.hosts.values()) {
                host(host);
            }
            progress.phase(ImportProgress.Phase.HOSTS, newHosts.size() + hostUpdates.size());
            createHosts();
            if (!hostUpdates.isEmpty()) {
                entityManager.flush();
                int offset = newHosts.size();
                updater.updateHosts(hostUpdates, before.rows, done -> progress.done(offset + done));
                changedAny = true;
            }
            progress.phase(ImportProgress.Phase.APPLICATIONS, in.applications.size());
            createApplicationsInBackupOrder();
            for (ApplicationIn app : in.applications.values()) {
                if (applicationsByKey.containsKey(Incoming.key(app.name()))) {
                    updateApplication(app, applicationsByKey.get(Incoming.key(app.name())));
                }
            }
            if (!applicationUpdates.isEmpty()) {
                entityManager.flush();
                updater.updateApplications(applicationUpdates, before.rows, done -> { });
                changedAny = true;
            }
            progress.phase(ImportProgress.Phase.CONNECTIONS, in.connections.size());
            connectionsIn();
            if (prune) {
                progress.phase(ImportProgress.Phase.PRUNING, 0);
                prune();
            }
            if (changedAny) {
                writer.bumpRevision();
            }
        }

        /** The hosts new to the topology, written in batches after the rules checked all of them. */
        private void createHosts() {
            if (newHosts.isEmpty()) {
                return;
            }
            entityManager.flush();
            Map<String, Long> ids = writer.createHosts(newHosts, progress::done);
            for (TopologyBatchWriter.Origin<NewHost> host : newHosts) {
                created.add(new Created("HOST", host.command().name()));
                touchedHosts.add(ids.get(Incoming.key(host.command().name())));
            }
            changedAny = true;
        }

        /** Option values are checked up front, so that the 400 names the file (the services would name only the key). */
        private void checkSections() {
            List<FieldProblem> problems = new ArrayList<>();
            for (HostIn host : in.hosts.values()) {
                check(Level.HOST, host.security(), host.origin(), problems);
            }
            for (ApplicationIn app : in.applications.values()) {
                check(Level.APPLICATION, app.options(), app.origin(), problems);
                check(Level.APPLICATION_ANNEX, app.annex(), app.origin(), problems);
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }

        private void check(Level level, Map<String, String> section, String origin, List<FieldProblem> problems) {
            if (section == null) {
                return;
            }
            ProblemList found = ProblemList.create();
            OptionChecks.section(level, section, found, "security");
            if (!found.isEmpty()) {
                try {
                    found.throwIfAny();
                } catch (InvalidInputException e) {
                    e.problems().forEach(p -> problems.add(new FieldProblem(origin, origin + ": " + p.field() + ": " + p.message())));
                }
            }
        }

        private void host(HostIn host) {
            HostRow row = hostsByKey.get(Incoming.key(host.name()));
            if (row == null) {
                HostAttributes a = host.attributes();
                if (a == null) {
                    throw InvalidInputException.of(host.origin(), host.origin() + ": host '" + host.name()
                            + "' does not exist and hosts.csv does not define it");
                }
                NewHost command = new NewHost(host.name(), a.ipAddress(), a.osType(), a.securityPackVersion(),
                        host.security() == null ? Map.of() : host.security(), a.osVersion());
                newHosts.add(new TopologyBatchWriter.Origin<>(command, host.origin()));
                return;
            }
            SortedMap<String, String> current = before.hostSection(row.id());
            Map<String, String> attributesNow = new LinkedHashMap<>();
            attributesNow.put("ipAddress", row.ipAddress());
            attributesNow.put("osType", row.osType().name());
            attributesNow.put("securityPackVersion", row.securityPackVersion());
            attributesNow.put("osVersion", row.osVersion());
            Map<String, String> attributesThen = new LinkedHashMap<>(attributesNow);
            if (host.attributes() != null) {
                attributesThen.put("ipAddress", host.attributes().ipAddress());
                attributesThen.put("osType", host.attributes().osType() == null ? null
                        : host.attributes().osType().strip().toUpperCase(Locale.ROOT));
                attributesThen.put("securityPackVersion", blankToNull(host.attributes().securityPackVersion()));
                attributesThen.put("osVersion", blankToNull(host.attributes().osVersion()));
            }
            SortedMap<String, String> security = host.security() == null ? current : host.security();
            boolean attributesChange = diff("HOST", row.name(), "ATTRIBUTES", attributesNow, attributesThen, false);
            boolean securityChange = diff("HOST", row.name(), "HOST", current, security, true);
            if (!attributesChange && !securityChange) {
                unchanged++;
                return;
            }
            NewHost change = new NewHost(row.name(), attributesThen.get("ipAddress"), attributesThen.get("osType"),
                    attributesThen.get("securityPackVersion"), security, attributesThen.get("osVersion"));
            hostUpdates.add(new Update<>(row.id(), row.version(), change, host.origin()));
            touchedHosts.add(row.id());
        }

        private void createApplicationsInBackupOrder() {
            List<ApplicationIn> pending = new ArrayList<>();
            for (ApplicationIn app : in.applications.values()) {
                if (!applicationsByKey.containsKey(Incoming.key(app.name()))) {
                    if (app.attributes() == null) {
                        throw InvalidInputException.of(app.origin(), app.origin() + ": application '" + app.name()
                                + "' does not exist and applications.csv does not define it");
                    }
                    pending.add(app);
                }
            }
            List<TopologyBatchWriter.Origin<NewApplication>> ordered = new ArrayList<>();
            Set<String> pendingKeys = new HashSet<>();
            pending.forEach(a -> pendingKeys.add(Incoming.key(a.name())));
            while (!pending.isEmpty()) {
                List<ApplicationIn> ready = pending.stream().filter(a -> {
                    String backup = a.attributes().backup();
                    return backup == null || !pendingKeys.contains(Incoming.key(backup));
                }).toList();
                if (ready.isEmpty()) {
                    ApplicationIn first = pending.get(0);
                    throw InvalidInputException.of(first.origin(), first.origin() + ": the backups of " + String.join(", ",
                            pending.stream().map(ApplicationIn::name).toList()) + " must not form a cycle");
                }
                for (ApplicationIn app : ready) {
                    ApplicationAttributes a = app.attributes();
                    List<PortSpec> ports = app.ports() == null ? List.of() : app.ports().stream()
                            .map(p -> new PortSpec(p.portId(), p.number(), p.listeningMode(), p.transport())).toList();
                    NewApplication command = new NewApplication(app.name(), a.componentType(), a.componentVersion(), a.host(),
                            a.backup(), app.options() == null ? Map.of() : app.options(),
                            app.annex() == null ? Map.of() : app.annex(), ports);
                    ordered.add(new TopologyBatchWriter.Origin<>(command, app.origin()));
                    created.add(new Created("APPLICATION", app.name()));
                    pendingKeys.remove(Incoming.key(app.name()));
                }
                pending.removeAll(ready);
            }
            if (ordered.isEmpty()) {
                return;
            }
            Map<String, ApplicationRules.ApplicationRef> stored = new HashMap<>();
            for (ApplicationRow row : before.rows.applications()) {
                ApplicationRow backup = row.backupId() == null ? null : before.applications.get(row.backupId());
                stored.put(Incoming.key(row.name()), new ApplicationRules.ApplicationRef(row.id(), row.name(),
                        row.componentType(), backup == null ? null : backup.name(),
                        before.portsOf(row.id()).stream().map(PortRow::portId).toList()));
            }
            entityManager.flush();
            touchedApplications.addAll(writer.createApplications(ordered, stored, progress::done));
            changedAny = true;
        }

        private void updateApplication(ApplicationIn app, ApplicationRow row) {
            HostRow host = before.hosts.get(row.hostId());
            ApplicationRow backup = row.backupId() == null ? null : before.applications.get(row.backupId());
            Map<String, String> attributesNow = new LinkedHashMap<>();
            attributesNow.put("componentType", row.componentType());
            attributesNow.put("componentVersion", row.componentVersion());
            attributesNow.put("host", host.name());
            attributesNow.put("backup", backup == null ? null : backup.name());
            Map<String, String> attributesThen = new LinkedHashMap<>(attributesNow);
            ApplicationAttributes a = app.attributes();
            if (a != null) {
                attributesThen.put("componentType", a.componentType() == null ? null
                        : catalog.find(a.componentType()).map(dev.tlsconsole.catalog.Component::name).orElse(a.componentType()));
                attributesThen.put("componentVersion", a.componentVersion());
                attributesThen.put("host", sameName(a.host(), host.name()));
                attributesThen.put("backup", sameName(blankToNull(a.backup()), backup == null ? null : backup.name()));
            }
            SortedMap<String, String> options = before.applicationSection(row.id());
            SortedMap<String, String> optionsThen = app.options() == null ? options : app.options();
            SortedMap<String, String> annexNow = before.applicationAnnex(row.id());
            SortedMap<String, String> annexThen = app.annex() == null ? annexNow : app.annex();
            List<PortRow> portsNow = before.portsOf(row.id());
            List<PortSpec> portsThen = new ArrayList<>();
            boolean portsChange = false;
            Map<String, PortIn> incomingPorts = new LinkedHashMap<>();
            if (app.ports() != null) {
                app.ports().forEach(p -> incomingPorts.put(Incoming.key(p.portId()), p));
            }
            for (PortRow port : portsNow) {
                PortIn then = incomingPorts.remove(Incoming.key(port.portId()));
                if (then == null) {
                    if (prune && in.portsListed) {
                        deleted.add(new Deleted("PORT", row.name() + ":" + port.portId()));
                        portsChange = true;
                        continue;
                    }
                    portsThen.add(new PortSpec(port.portId(), port.number(), port.listeningMode().name(), port.transport()));
                    continue;
                }
                Map<String, String> now = portMap(port.number(), port.listeningMode().name(), port.transport());
                Map<String, String> next = portMap(then.number(), then.listeningMode() == null ? null
                        : then.listeningMode().strip().toUpperCase(Locale.ROOT), canonical(then.transport()));
                portsChange |= diff("PORT", row.name() + ":" + port.portId(), "PORT", now, next, false);
                portsThen.add(new PortSpec(port.portId(), then.number(), then.listeningMode(), then.transport()));
            }
            for (PortIn port : incomingPorts.values()) {
                created.add(new Created("PORT", row.name() + ":" + port.portId()));
                portsThen.add(new PortSpec(port.portId(), port.number(), port.listeningMode(), port.transport()));
                portsChange = true;
            }
            boolean change = diff("APPLICATION", row.name(), "ATTRIBUTES", attributesNow, attributesThen, false);
            change |= diff("APPLICATION", row.name(), "APPLICATION", options, optionsThen, true);
            change |= diff("APPLICATION", row.name(), "APPLICATION_ANNEX", annexNow, annexThen, true);
            if (!change && !portsChange) {
                unchanged++;
                return;
            }
            NewApplication command = new NewApplication(row.name(), attributesThen.get("componentType"),
                    attributesThen.get("componentVersion"), attributesThen.get("host"), attributesThen.get("backup"),
                    optionsThen, annexThen, portsThen);
            applicationUpdates.add(new Update<>(row.id(), row.version(), command, app.origin()));
            touchedApplications.add(row.id());
        }

        private void connectionsIn() {
            Map<String, ConnectionRow> existing = new HashMap<>();
            for (ConnectionRow c : before.rows.connections()) {
                existing.put(connectionKey(c), c);
            }
            List<TopologyBatchWriter.Origin<NewConnection>> fresh = new ArrayList<>();
            List<Update<String>> transports = new ArrayList<>();
            for (ConnectionIn c : in.connections.values()) {
                ConnectionRow row = existing.get(c.key());
                if (row == null) {
                    fresh.add(new TopologyBatchWriter.Origin<>(new NewConnection(c.client(), c.server(), c.portId(), c.transport()),
                            c.origin()));
                    created.add(new Created("CONNECTION", c.client() + " → " + c.server() + ":" + c.portId()));
                    continue;
                }
                Map<String, String> now = new TreeMap<>();
                now.put("transport", row.transport());
                Map<String, String> next = new TreeMap<>();
                next.put("transport", canonical(c.transport()));
                if (diff("CONNECTION", label(row), "CONNECTION", now, next, false)) {
                    transports.add(new Update<>(row.id(), row.version(), c.transport(), c.origin()));
                    touchedConnections.add(row.id());
                } else {
                    unchanged++;
                }
            }
            if (!transports.isEmpty()) {
                entityManager.flush();
                updater.updateConnectionTransports(transports, before.rows, done -> { });
                changedAny = true;
            }
            if (!fresh.isEmpty()) {
                entityManager.flush();
                touchedConnections.addAll(writer.createConnections(fresh, progress::done));
                changedAny = true;
            }
        }

        /** What the input does not list goes, set-based: connections, then applications, then hosts (with what is left on them). */
        private void prune() {
            entityManager.flush();
            List<Long> goneConnections = new ArrayList<>();
            if (in.connectionsListed) {
                for (ConnectionRow c : before.rows.connections()) {
                    if (!in.connections.containsKey(connectionKey(c))) {
                        goneConnections.add(c.id());
                        deleted.add(new Deleted("CONNECTION", label(c)));
                    }
                }
            }
            updater.deleteConnections(goneConnections, before.rows);
            List<Long> goneApplications = new ArrayList<>();
            if (in.applicationsListed) {
                for (ApplicationRow app : before.rows.applications()) {
                    if (!in.applications.containsKey(Incoming.key(app.name()))) {
                        goneApplications.add(app.id());
                        deleted.add(new Deleted("APPLICATION", app.name()));
                    }
                }
            }
            updater.deleteApplications(goneApplications, before.rows);
            List<Long> goneHosts = new ArrayList<>();
            if (in.hostsListed) {
                for (HostRow host : before.rows.hosts()) {
                    if (!in.hosts.containsKey(Incoming.key(host.name()))) {
                        goneHosts.add(host.id());
                        deleted.add(new Deleted("HOST", host.name()));
                    }
                }
            }
            updater.deleteHosts(goneHosts, before.rows);
            changedAny |= !goneConnections.isEmpty() || !goneApplications.isEmpty() || !goneHosts.isEmpty();
        }

        private String connectionKey(ConnectionRow c) {
            return Incoming.key(before.applications.get(c.clientId()).name()) + "\u0000"
                    + Incoming.key(before.applications.get(c.serverId()).name()) + "\u0000" + Incoming.key(c.portId());
        }

        private String label(ConnectionRow c) {
            return before.applications.get(c.clientId()).name() + " → " + before.applications.get(c.serverId()).name() + ":"
                    + c.portId();
        }

        /** Records the difference of one level as a plan entry; true when there is one. */
        private boolean diff(String type, String name, String level, Map<String, String> now, Map<String, String> then,
                boolean keysMayGo) {
            Map<String, String> set = new TreeMap<>();
            List<String> unset = new ArrayList<>();
            then.forEach((key, value) -> {
                if (!Objects.equals(now.get(key), value)) {
                    if (value == null) {
                        unset.add(key);
                    } else {
                        set.put(key, value);
                    }
                }
            });
            if (keysMayGo) {
                now.keySet().stream().filter(k -> !then.containsKey(k)).sorted().forEach(unset::add);
            }
            if (set.isEmpty() && unset.isEmpty()) {
                return false;
            }
            updated.add(new Updated(type, name, level, set, unset));
            return true;
        }

        ImportPlan.Impact impact(CertificateInterchange.Facts facts) {
            ImportProgress.current().phase(ImportProgress.Phase.IMPACT, 0);
            entityManager.flush();
            TopologySnapshot after = engine.topology();
            BitSet reachable = new BitSet(beforeSnapshot.connectionCount());
            if (facts != null && facts.changes()) {
                // what a certificate or CRL changes reaches connections the topology's changes do not
                reachable.set(0, beforeSnapshot.connectionCount());
            }
            touchedHosts.forEach(id -> mark(reachable, ObjectType.HOST, id));
            touchedApplications.forEach(id -> mark(reachable, ObjectType.APPLICATION, id));
            touchedConnections.forEach(id -> mark(reachable, ObjectType.CONNECTION, id));
            List<Integer> beforeIndexes = new ArrayList<>();
            List<Integer> afterIndexes = new ArrayList<>();
            reachable.stream().forEach(i -> {
                OptionalInt there = after.indexOf(ObjectType.CONNECTION, beforeSnapshot.connectionId(i));
                if (there.isPresent()) {
                    beforeIndexes.add(i);
                    afterIndexes.add(there.getAsInt());
                }
            });
            PolicySettings at = engine.settingsFrozenNow();
            List<EffectivePolicy> was = facts == null ? engine.resolveAt(beforeSnapshot, ints(beforeIndexes), at)
                    : engine.resolveAt(beforeSnapshot, ints(beforeIndexes), at, facts.before());
            List<EffectivePolicy> becomes = facts == null ? engine.resolveAt(after, ints(afterIndexes), at)
                    : engine.resolveAt(after, ints(afterIndexes), at, facts.after());
            List<ImportPlan.Change> changed = new ArrayList<>();
            for (int i = 0; i < was.size(); i++) {
                PolicySummary a = was.get(i).summary();
                PolicySummary b = becomes.get(i).summary();
                if (!a.equals(b)) {
                    EffectivePolicy policy = becomes.get(i);
                    changed.add(new ImportPlan.Change(policy.connectionId(), policy.client().application().name(),
                            policy.server().application().name(), policy.server().portId(), state(a), state(b)));
                }
            }
            return new ImportPlan.Impact(was.size(), changed);
        }

        private void mark(BitSet reachable, ObjectType type, long id) {
            if (beforeSnapshot.indexOf(type, id).isEmpty()) {
                return;
            }
            for (int index : beforeSnapshot.reachableConnections(type, id)) {
                reachable.set(index);
            }
        }
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ImportPlan.State state(PolicySummary summary) {
        return new ImportPlan.State(summary.mode().name(), summary.protocol().map(Enum::name).orElse(null),
                summary.grade().label(), summary.findings().stream().map(Enum::name).toList());
    }

    private static Map<String, String> portMap(Integer number, String listeningMode, String transport) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("number", number == null ? null : number.toString());
        map.put("listeningMode", listeningMode);
        map.put("transport", transport);
        return map;
    }

    /** The transport as it would be stored, for comparing; one that does not parse compares as written (the service refuses it). */
    private static String canonical(String transport) {
        if (transport == null || transport.isEmpty()) {
            return "";
        }
        try {
            return TransportString.parse(transport).render();
        } catch (RuntimeException e) {
            return transport;
        }
    }

    /** The stored spelling when the input names the same object in another case, so case alone is no change. */
    private static String sameName(String incoming, String current) {
        if (incoming != null && current != null && incoming.strip().equalsIgnoreCase(current)) {
            return current;
        }
        return incoming == null ? null : incoming.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
