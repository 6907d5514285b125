package dev.tlsconsole.topology.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

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
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.topology.InUse;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.TopologyQueries;
import dev.tlsconsole.topology.TopologyQueries.ConnectionLine;
import dev.tlsconsole.topology.TopologyQueries.NamedRef;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationChange;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;
import dev.tlsconsole.topology.application.ApplicationCommands.PortView;

/**
 * Changes to applications and their ports: checked completely (all problems at once), based on the
 * version the user read, audited with before and after. Removing a port that connections use, or
 * deleting an application that connections or primaries depend on, is refused with the list of
 * dependents unless a cascade is confirmed. Reads are in {@link ApplicationReads}.
 */
@Service
public class ApplicationService {


    private final ApplicationRepository applications;
    private final ApplicationDirectory directory;
    private final TopologyQueries queries;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final InputRevisions revisions;
    private final EntityManager entityManager;

    ApplicationService(ApplicationRepository applications, ApplicationDirectory directory, TopologyQueries queries,
            Catalog catalog, AuditTrail audit, EntityManager entityManager, InputRevisions revisions) {
        this.applications = applications;
        this.directory = directory;
        this.queries = queries;
        this.catalog = catalog;
        this.audit = audit;
        this.revisions = revisions;
        this.entityManager = entityManager;
    }

    /** Creates an application with its ports; every rule it breaks is reported at once. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.APPLICATION_CREATE, objectName = "#command?.name()")
    @Transactional
    public ApplicationView create(NewApplication command) {
        ProblemList problems = ProblemList.create();
        ApplicationRules.ApplicationDraft draft = ApplicationRules.check(command, null, directory, catalog, problems);
        if (draft.name() != null && applications.existsByNameKey(Application.key(draft.name()))) {
            problems.add("name", "an application named '" + draft.name() + "' already exists");
        }
        problems.throwIfAny();
        Application application = applications.saveAndFlush(new Application(draft,
                directory.findHost(draft.host()).orElseThrow(), directory.findApplication(draft.backup()).orElse(null)));
        ApplicationView view = ApplicationView.of(application);
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(application.getId(), application.getName(), null, view));
        return view;
    }

    /** Replaces every property and the port list; a change based on an old version is refused with both versions. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.APPLICATION_UPDATE, objectName = "#change?.name()")
    @Transactional
    public ApplicationView update(long id, ApplicationChange change) {
        return apply(id, change);
    }

    /** Replaces only the options {@code [security]} section (the options editor of the application page). */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.APPLICATION_UPDATE, objectId = "#id")
    @Transactional
    public ApplicationView updateSecurity(long id, Map<String, String> security, Long version) {
        ApplicationChange current = ApplicationView.of(find(id)).asChange();
        return apply(id, new ApplicationChange(current.name(), current.componentType(), current.componentVersion(),
                current.host(), current.backup(), security, current.annex(), current.ports(), version));
    }

    /** Replaces only the annex {@code [security]} section (the annex editor of the application page). */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.APPLICATION_UPDATE, objectId = "#id")
    @Transactional
    public ApplicationView updateAnnex(long id, Map<String, String> annex, Long version) {
        ApplicationChange current = ApplicationView.of(find(id)).asChange();
        return apply(id, new ApplicationChange(current.name(), current.componentType(), current.componentVersion(),
                current.host(), current.backup(), current.security(), annex, current.ports(), version));
    }

    /** Replaces only the transport of one port (the port's options editor). */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.APPLICATION_UPDATE, objectId = "#id")
    @Transactional
    public ApplicationView updatePortTransport(long id, String portId, String transport, Long version) {
        ApplicationView view = ApplicationView.of(find(id));
        PortView port = view.port(portId);
        if (port == null) {
            throw NotFoundException.of("Port", view.name() + ":" + portId);
        }
        List<PortSpec> ports = view.ports().stream().map(p -> p == port
                ? new PortSpec(p.portId(), p.number(), p.listeningMode(), transport) : p.asSpec()).toList();
        ApplicationChange current = view.asChange();
        return apply(id, new ApplicationChange(current.name(), current.componentType(), current.componentVersion(),
                current.host(), current.backup(), current.security(), current.annex(), ports, version));
    }

    /**
     * Deletes an application. Its connections (either way) and the applications that name it as
     * backup are dependents: the deletion is refused with their list (409) unless {@code cascade}
     * confirms deleting the connections and clearing those backup references.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.APPLICATION_DELETE, objectId = "#id")
    @Transactional
    public void delete(long id, boolean cascade) {
        Application application = find(id);
        ApplicationView view = ApplicationView.of(application);
        List<ConnectionLine> connections = queries.connectionsOf(id);
        List<NamedRef> primaries = queries.primariesOf(id);
        if (!cascade && (!connections.isEmpty() || !primaries.isEmpty())) {
            List<InUse.Dependent> dependents = new ArrayList<>();
            connections.forEach(c -> dependents.add(new InUse.Dependent("CONNECTION", c.id(), c.label())));
            primaries.forEach(p -> dependents.add(new InUse.Dependent("APPLICATION", p.id(), p.name())));
            throw InUse.of("Application '" + view.name() + "' has " + connections.size() + " connection(s)"
                    + (primaries.isEmpty() ? "" : " and is the backup of " + String.join(", ", primaries.stream().map(NamedRef::name).toList()))
                    + ". Delete them first, or delete with cascade (connections are deleted, backup references cleared)",
                    dependents);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("application", view);
        before.put("deletedConnections", connections.stream().map(ConnectionLine::label).toList());
        before.put("clearedBackupOf", primaries.stream().map(NamedRef::name).toList());
        queries.detachApplications(List.of(id));
        applications.delete(application);
        applications.flush();
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(id, view.name(), before, null));
    }

    private ApplicationView apply(long id, ApplicationChange change) {
        Application application = find(id);
        ApplicationView before = ApplicationView.of(application);
        if (change.version() == null) {
            throw InvalidInputException.of("version", "is required: send the version you read");
        }
        if (change.version() != application.getVersion()) {
            throw ConflictException.staleVersion("Application", application.getName(), change.version(),
                    application.getVersion(), before);
        }
        ProblemList problems = ProblemList.create();
        ApplicationRules.ApplicationDraft draft = ApplicationRules.check(change.asNew(), id, directory, catalog, problems);
        if (draft.name() != null) {
            Optional<Application> named = applications.findByNameKey(Application.key(draft.name()));
            if (named.isPresent() && !named.get().getId().equals(id)) {
                problems.add("name", "an application named '" + draft.name() + "' already exists");
            }
        }
        if (draft.componentType() != null) {
            queries.primariesOf(id).stream().filter(p -> !draft.componentType().equals(p.type())).forEach(p ->
                    problems.add("componentType", "'" + p.name() + "' (a " + p.type() + ") names this application as its"
                            + " backup: a backup has the type of its primary"));
        }
        problems.throwIfAny();
        refuseRemovingUsedPorts(application, draft);
        application.apply(draft, directory.findHost(draft.host()).orElseThrow(),
                directory.findApplication(draft.backup()).orElse(null));
        applications.flush();
        if (application.getVersion() == before.version() && !sameContent(before, ApplicationView.of(application))) {
            // a change confined to the ports (child rows) does not touch the application row: version it explicitly
            entityManager.lock(application, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        ApplicationView after = ApplicationView.of(application);
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(AuditAction.APPLICATION_UPDATE, id, application.getName(), before, after));
        return after;
    }

    private void refuseRemovingUsedPorts(Application application, ApplicationRules.ApplicationDraft draft) {
        for (ListeningPort port : application.portsRemovedBy(draft)) {
            List<ConnectionLine> users = queries.connectionsToPort(port.getId());
            if (!users.isEmpty()) {
                throw InUse.of("Port '" + port.getPortId() + "' of '" + application.getName() + "' is used by "
                        + users.size() + " connection(s): " + String.join(", ", users.stream().map(ConnectionLine::label).toList())
                        + ". Delete or re-point them before removing the port",
                        users.stream().map(c -> new InUse.Dependent("CONNECTION", c.id(), c.label())).toList());
            }
        }
    }

    private static boolean sameContent(ApplicationView a, ApplicationView b) {
        return a.asChange().equals(b.asChange());
    }

    private Application find(long id) {
        return applications.findById(id).orElseThrow(() -> NotFoundException.of("Application", id));
    }
}
