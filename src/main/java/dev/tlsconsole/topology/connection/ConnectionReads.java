package dev.tlsconsole.topology.connection;

import jakarta.persistence.criteria.Join;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.topology.SearchText;
import dev.tlsconsole.topology.application.Application;
import dev.tlsconsole.topology.application.ListeningPort;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;

/** What any signed-in user may read about connections: lists and one connection. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class ConnectionReads {

    private final ConnectionRepository connections;

    ConnectionReads(ConnectionRepository connections) {
        this.connections = connections;
    }

    /** Connections whose client, server or port id contains {@code query} (all when blank), a page at a time. */
    public Page<ConnectionView> search(String query, Pageable pageable) {
        return connections.findAll(matching(query), pageable).map(ConnectionView::of);
    }

    /** One connection; {@link NotFoundException} when there is none with that id. */
    public ConnectionView get(long id) {
        return ConnectionView.of(connections.findById(id).orElseThrow(() -> NotFoundException.of("Connection", id)));
    }

    private static Specification<Connection> matching(String query) {
        if (SearchText.isBlank(query)) {
            return (root, q, cb) -> cb.conjunction();
        }
        String like = SearchText.contains(query);
        return (root, q, cb) -> {
            Join<Connection, Application> client = root.join("client");
            Join<Connection, ListeningPort> port = root.join("serverPort");
            Join<ListeningPort, Application> server = port.join("application");
            return cb.or(cb.like(client.get("nameKey"), like, SearchText.ESCAPE),
                    cb.like(server.get("nameKey"), like, SearchText.ESCAPE),
                    cb.like(cb.lower(port.get("portId")), like, SearchText.ESCAPE));
        };
    }
}
