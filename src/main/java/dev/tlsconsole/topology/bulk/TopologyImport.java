package dev.tlsconsole.topology.bulk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationService;
import dev.tlsconsole.topology.connection.ConnectionService;
import dev.tlsconsole.topology.host.HostService;

/**
 * Adds a whole {@link TopologyDocument} to the topology, all or nothing: the document is checked
 * completely first ({@link ImportCheck}, every problem named by its place, e.g.
 * {@code applications[3].host}), then every object is created through its service — so the same
 * rules hold and each object gets its own audit entry — in one transaction.
 *
 * <p>This path only adds (the demo seeder fills an empty topology with it): a name that already exists
 * is a problem, never an overwrite. Names the document does not define may refer to objects already in
 * the topology. {@code POST /topology/import} upserts instead: it checks the document with
 * {@link #checkForUpsert} and plans and applies it with the Genesys interchange's machinery.
 */
@Service
public class TopologyImport {

    private final ImportCheck check;
    private final HostService hosts;
    private final ApplicationService applications;
    private final ConnectionService connections;
    private final AuditTrail audit;

    TopologyImport(ImportCheck check, HostService hosts, ApplicationService applications, ConnectionService connections,
            AuditTrail audit) {
        this.check = check;
        this.hosts = hosts;
        this.applications = applications;
        this.connections = connections;
        this.audit = audit;
    }

    /** Checks and creates everything in {@code document}; nothing is written when any problem is found. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(AuditAction.TOPOLOGY_IMPORT)
    @Transactional
    public ImportResult importDocument(TopologyDocument document) {
        check.check(document).throwIfAny();
        document.hosts().forEach(hosts::create);
        createInBackupOrder(document.applications());
        document.connections().forEach(connections::create);
        ImportResult result = new ImportResult(document.hosts().size(), document.applications().size(),
                document.connections().size());
        // each object has its own entry; this one says how much one import brought, whatever its size
        audit.record(AuditRecord.success(null, null, null, Map.of("created", result)));
        return result;
    }

    /**
     * Throws a 400 listing every problem of {@code document} as an upsert sees it: objects that already
     * exist are updated, not refused. Writes nothing.
     */
    public void checkForUpsert(TopologyDocument document) {
        check.check(document, true).throwIfAny();
    }

    /** A backup defined in the document is created before its primary (the check refused cycles). */
    private void createInBackupOrder(List<NewApplication> entries) {
        Set<String> inDocument = new HashSet<>();
        entries.forEach(a -> inDocument.add(key(a.name())));
        Set<String> created = new HashSet<>();
        List<NewApplication> pending = new ArrayList<>(entries);
        while (!pending.isEmpty()) {
            List<NewApplication> ready = pending.stream()
                    .filter(a -> blank(a.backup()) || !inDocument.contains(key(a.backup())) || created.contains(key(a.backup())))
                    .toList();
            if (ready.isEmpty()) {
                throw new IllegalStateException("backup references of the document form a cycle the check did not catch");
            }
            ready.forEach(a -> {
                applications.create(a);
                created.add(key(a.name()));
            });
            pending.removeAll(ready);
        }
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** How many objects an import created. */
    public record ImportResult(int hosts, int applications, int connections) {
    }
}
