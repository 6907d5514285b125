package dev.tlsconsole.topology.connection;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Connections. */
public interface ConnectionRepository extends JpaRepository<Connection, Long>, JpaSpecificationExecutor<Connection> {

    /** A page with both ends fetched in the same query (lists show their names). */
    @Override
    @EntityGraph(attributePaths = {"client", "serverPort", "serverPort.application"})
    Page<Connection> findAll(Specification<Connection> specification, Pageable pageable);

    /** The connection of a client to a port (there is at most one). */
    Optional<Connection> findByClientIdAndServerPortId(Long clientId, Long serverPortId);
}
