package dev.tlsconsole.topology.connection;

import java.net.URI;
import java.util.Map;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.topology.SortAliases;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionChange;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.SortableBy;

/** {@code /api/v1/connections}: client → server port links with their client-side transport. */
@ApiController("/connections")
class ConnectionApiController {

    static final Map<String, String> SORT_ALIASES = Map.of("client", "client.name", "server",
            "serverPort.application.name", "portId", "serverPort.portId", "portNumber", "serverPort.portNumber");

    private final ConnectionService connections;
    private final ConnectionReads reads;

    ConnectionApiController(ConnectionService connections, ConnectionReads reads) {
        this.connections = connections;
        this.reads = reads;
    }

    /**
     * Body of {@code POST} and {@code PUT}: {@code client} and {@code server} by application name, the
     * port by {@code portId}. The read-only fields of a {@code GET} may be sent back and are ignored.
     */
    @JsonIgnoreProperties({"id", "clientId", "serverId", "portNumber", "listeningMode", "optionWarnings"})
    record ConnectionBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String client, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String server, String portId, String transport, Long version) {
    }

    @GetMapping
    PageResponse<ConnectionView> list(@RequestParam(required = false) String q,
            @SortableBy({"id", "client", "client.name", "server", "serverPort.application.name", "portId", "serverPort.portId", "portNumber", "serverPort.portNumber"}) @PageableDefault(size = 50, sort = "id") Pageable pageable) {
        return PageResponse.of(reads.search(q, SortAliases.apply(pageable, SORT_ALIASES)));
    }

    @PostMapping
    ResponseEntity<ConnectionView> create(@RequestBody ConnectionBody body) {
        ConnectionView created = connections.create(new NewConnection(body.client(), body.server(), body.portId(),
                body.transport()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{id}")
    ConnectionView get(@PathVariable long id) {
        return reads.get(id);
    }

    @PutMapping("/{id}")
    ConnectionView update(@PathVariable long id, @RequestBody ConnectionBody body) {
        return connections.update(id, new ConnectionChange(body.client(), body.server(), body.portId(), body.transport(),
                body.version()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        connections.delete(id);
        return ResponseEntity.noContent().build();
    }
}
