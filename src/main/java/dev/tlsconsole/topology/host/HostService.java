package dev.tlsconsole.topology.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.InputRevisions.Input;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.topology.InUse;
import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.TopologyQueries;
import dev.tlsconsole.topology.TopologyQueries.ApplicationLine;
import dev.tlsconsole.topology.TopologyQueries.ConnectionLine;
import dev.tlsconsole.topology.host.HostCommands.HostChange;
import dev.tlsconsole.topology.host.HostCommands.HostView;
import dev.tlsconsole.topology.host.HostCommands.NewHost;

/**
 * Hosts: every change is checked completely (all problems at once), based on the version the user
 * read, and audited with its before and after state. A host that runs applications is deleted only
 * with an explicit cascade. Reads are {@link HostReads}.
 */
@Service
public class HostService {

    private final HostRepository hosts;
    private final TopologyQueries queries;
    private final AuditTrail audit;
    private final InputRevisions revisions;

    HostService(HostRepository hosts, TopologyQueries queries, AuditTrail audit, InputRevisions revisions) {
        this.hosts = hosts;
        this.queries = queries;
        this.audit = audit;
        this.revisions = revisions;
    }

    /** Creates a host; every rule it breaks is reported at once. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.HOST_CREATE, objectName = "#command?.name()")
    @Transactional
    public HostView create(NewHost command) {
        ProblemList problems = ProblemList.create();
        HostRules.HostDraft draft = HostRules.check(command, problems);
        if (draft.name() != null && hosts.existsByNameKey(Host.key(draft.name()))) {
            problems.add("name", "a host named '" + draft.name() + "' already exists");
        }
        problems.throwIfAny();
        Host host = hosts.saveAndFlush(new Host(draft));
        HostView view = HostView.of(host);
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(host.getId(), host.getName(), null, view));
        return view;
    }

    /** Replaces every property of a host; a change based on an old version is refused with both versions. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.HOST_UPDATE, objectName = "#change?.name()")
    @Transactional
    public HostView update(long id, HostChange change) {
        Host host = find(id);
        HostView before = checkVersion(host, change.version());
        ProblemList problems = ProblemList.create();
        HostRules.HostDraft draft = HostRules.check(change.asNew(), problems);
        if (draft.name() != null) {
            Optional<Host> named = hosts.findByNameKey(Host.key(draft.name()));
            if (named.isPresent() && !named.get().getId().equals(id)) {
                problems.add("name", "a host named '" + draft.name() + "' already exists");
            }
        }
        problems.throwIfAny();
        host.apply(draft);
        return saved(host, before);
    }

    /** Replaces only the annex {@code [security]} section (the options editor of the host page). */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.HOST_UPDATE, objectId = "#id")
    @Transactional
    public HostView updateSecurity(long id, Map<String, String> security, Long version) {
        Host host = find(id);
        HostView before = checkVersion(host, version);
        ProblemList problems = ProblemList.create();
        SortedMap<String, String> checked = OptionChecks.section(Level.HOST, security, problems, "security");
        problems.throwIfAny();
        host.replaceSecurity(checked);
        return saved(host, before);
    }

    /**
     * Deletes a host. When applications run on it the deletion is refused with their list (409),
     * unless {@code cascade} confirms that they and all their connections go too.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.HOST_DELETE, objectId = "#id")
    @Transactional
    public void delete(long id, boolean cascade) {
        Host host = find(id);
        HostView view = HostView.of(host);
        List<ApplicationLine> applications = queries.applicationsOnHost(id);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("host", view);
        if (!applications.isEmpty()) {
            List<Long> ids = applications.stream().map(ApplicationLine::id).toList();
            List<ConnectionLine> connections = queries.connectionsOfAny(ids);
            if (!cascade) {
                throw inUse(view, applications, connections);
            }
            before.put("deletedApplications", applications.stream().map(ApplicationLine::name).toList());
            before.put("deletedConnections", connections.stream().map(ConnectionLine::label).toList());
            // primaries on other hosts lose their backup reference
            before.put("clearedBackupOf", ids.stream().flatMap(app -> queries.primariesOf(app).stream())
                    .filter(primary -> !ids.contains(primary.id())).map(TopologyQueries.NamedRef::name).distinct().toList());
            queries.detachApplications(ids);
            queries.deleteApplicationsOnHost(id);
        }
        hosts.delete(host);
        hosts.flush();
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(id, view.name(), before, null));
    }

    private static ConflictException inUse(HostView host, List<ApplicationLine> applications, List<ConnectionLine> connections) {
        List<InUse.Dependent> dependents = new ArrayList<>();
        applications.forEach(a -> dependents.add(new InUse.Dependent("APPLICATION", a.id(), a.name())));
        connections.forEach(c -> dependents.add(new InUse.Dependent("CONNECTION", c.id(), c.label())));
        return InUse.of("Host '" + host.name() + "' runs " + applications.size() + " application(s): "
                + String.join(", ", applications.stream().map(ApplicationLine::name).toList())
                + ". Delete or move them first, or delete the host with cascade (which also deletes their "
                + connections.size() + " connection(s))", dependents);
    }

    private HostView checkVersion(Host host, Long version) {
        HostView current = HostView.of(host);
        if (version == null) {
            throw InvalidInputException.of("version", "is required: send the version you read");
        }
        if (version != host.getVersion()) {
            throw ConflictException.staleVersion("Host", host.getName(), version, host.getVersion(), current);
        }
        return current;
    }

    private HostView saved(Host host, HostView before) {
        hosts.flush();
        HostView after = HostView.of(host);
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(AuditAction.HOST_UPDATE, host.getId(), host.getName(), before, after));
        return after;
    }

    private Host find(long id) {
        return hosts.findById(id).orElseThrow(() -> NotFoundException.of("Host", id));
    }
}
