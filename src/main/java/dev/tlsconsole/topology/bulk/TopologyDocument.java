package dev.tlsconsole.topology.bulk;

import java.util.List;

import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.topology.host.HostCommands.NewHost;

/**
 * The whole topology as one JSON document ({@code GET /topology/export}, {@code POST /topology/import}):
 * objects refer to each other by name only, so a document moves between consoles. Exports list
 * hosts and applications by name and connections by client, server and port (ignoring case), with
 * option sections sorted by key and transports canonical — the same topology always exports to the
 * same document.
 */
public record TopologyDocument(List<NewHost> hosts, List<NewApplication> applications, List<NewConnection> connections) {

    public TopologyDocument {
        hosts = hosts == null ? List.of() : hosts;
        applications = applications == null ? List.of() : applications;
        connections = connections == null ? List.of() : connections;
    }
}
