package dev.tlsconsole.topology.connection;

import java.util.Optional;

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
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.application.Application;
import dev.tlsconsole.topology.application.ApplicationDirectory;
import dev.tlsconsole.topology.application.ListeningPort;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionChange;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;

/**
 * Connections: checked completely (all problems at once), at most one per client and server port,
 * based on the version the user read, audited with before and after. Reads are {@link ConnectionReads}.
 */
@Service
public class ConnectionService {

    private final ConnectionRepository connections;
    private final ApplicationDirectory directory;
    private final AuditTrail audit;
    private final InputRevisions revisions;

    ConnectionService(ConnectionRepository connections, ApplicationDirectory directory, AuditTrail audit,
            InputRevisions revisions) {
        this.connections = connections;
        this.directory = directory;
        this.audit = audit;
        this.revisions = revisions;
    }

    /** Creates a connection; every rule it breaks is reported at once. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CONNECTION_CREATE, objectName = "#command?.client()")
    @Transactional
    public ConnectionView create(NewConnection command) {
        Ends ends = check(command, null);
        Connection connection = connections.saveAndFlush(new Connection(ends.client(), ends.port(), ends.transport()));
        ConnectionView view = ConnectionView.of(connection);
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(connection.getId(), view.label(), null, view));
        return view;
    }

    /** Re-points and/or re-configures a connection; a change based on an old version is refused with both versions. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CONNECTION_UPDATE, objectId = "#id")
    @Transactional
    public ConnectionView update(long id, ConnectionChange change) {
        Connection connection = find(id);
        ConnectionView before = ConnectionView.of(connection);
        if (change.version() == null) {
            throw InvalidInputException.of("version", "is required: send the version you read");
        }
        if (change.version() != connection.getVersion()) {
            throw ConflictException.staleVersion("Connection", before.label(), change.version(), connection.getVersion(),
                    before);
        }
        Ends ends = check(change.asNew(), id);
        connection.connect(ends.client(), ends.port(), ends.transport());
        connections.flush();
        ConnectionView after = ConnectionView.of(connection);
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(id, after.label(), before, after));
        return after;
    }

    /** Replaces only the transport (the connection's options editor). */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CONNECTION_UPDATE, objectId = "#id")
    @Transactional
    public ConnectionView updateTransport(long id, String transport, Long version) {
        ConnectionView current = ConnectionView.of(find(id));
        return update(id, new ConnectionChange(current.client(), current.server(), current.portId(), transport, version));
    }

    /** Deletes a connection; nothing depends on a connection. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CONNECTION_DELETE, objectId = "#id")
    @Transactional
    public void delete(long id) {
        Connection connection = find(id);
        ConnectionView before = ConnectionView.of(connection);
        connections.delete(connection);
        connections.flush();
        revisions.bump(Input.TOPOLOGY);
        audit.record(AuditRecord.success(id, before.label(), before, null));
    }

    private Ends check(NewConnection command, Long selfId) {
        ProblemList problems = ProblemList.create();
        ConnectionRules.ConnectionDraft draft = ConnectionRules.check(command, directory, problems);
        problems.throwIfAny();
        Application client = directory.findApplication(draft.client()).orElseThrow();
        ListeningPort port = directory.findApplication(draft.server()).orElseThrow().getPorts().stream()
                .filter(p -> p.getPortId().equals(draft.portId())).findFirst().orElseThrow();
        Optional<Connection> existing = connections.findByClientIdAndServerPortId(client.getId(), port.getId());
        if (existing.isPresent() && !existing.get().getId().equals(selfId)) {
            throw InvalidInputException.of("portId", "'" + client.getName() + "' already has a connection to port '"
                    + port.getPortId() + "' of '" + draft.server() + "' (connection " + existing.get().getId() + ")");
        }
        return new Ends(client, port, draft.transport());
    }

    private Connection find(long id) {
        return connections.findById(id).orElseThrow(() -> NotFoundException.of("Connection", id));
    }

    private record Ends(Application client, ListeningPort port, String transport) {
    }
}
