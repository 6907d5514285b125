package dev.tlsconsole.topology.connection;

import java.util.Optional;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.application.ApplicationRules;
import dev.tlsconsole.topology.application.ApplicationRules.ApplicationRef;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;

/**
 * The rules a connection must follow: both applications exist, the client is not the server, the
 * server has the port, and the transport parses with options valid on a connection. Whether the link
 * is supported, secured or working is not refused here — the policy engine reports it.
 */
public final class ConnectionRules {

    private ConnectionRules() {
    }

    /** Checks {@code connection}, adding every problem; the draft is usable only when none was added. */
    public static ConnectionDraft check(NewConnection connection, ApplicationRules.Lookup lookup, ProblemList problems) {
        ApplicationRef client = application(connection.client(), "client", lookup, problems);
        ApplicationRef server = application(connection.server(), "server", lookup, problems);
        if (client != null && server != null && client.name().equalsIgnoreCase(server.name())) {
            problems.add("server", "'" + client.name() + "' cannot connect to itself: choose another server application");
        }
        String portId = null;
        if (connection.portId() == null || connection.portId().isBlank()) {
            problems.add("portId", "is required: the id of one of the server's listening ports, e.g. default");
        } else if (server != null) {
            String wanted = connection.portId().strip();
            portId = server.portIds().stream().filter(wanted::equalsIgnoreCase).findFirst().orElse(null);
            if (portId == null) {
                problems.add("portId", "'" + server.name() + "' has no port '" + wanted + "'"
                        + (server.portIds().isEmpty() ? " (it has no listening ports)"
                                : " (its ports: " + String.join(", ", server.portIds()) + ")"));
            }
        }
        Optional<TransportString> transport = OptionChecks.transport(Level.CONNECTION, connection.transport(), problems,
                "transport");
        return new ConnectionDraft(client == null ? null : client.name(), server == null ? null : server.name(), portId,
                transport.map(TransportString::render).orElse(null));
    }

    private static ApplicationRef application(String name, String field, ApplicationRules.Lookup lookup,
            ProblemList problems) {
        if (name == null || name.isBlank()) {
            problems.add(field, "is required: the name of the " + field + " application");
            return null;
        }
        Optional<ApplicationRef> found = lookup.application(name.strip());
        if (found.isEmpty()) {
            problems.add(field, "application '" + name + "' does not exist");
        }
        return found.orElse(null);
    }

    /** A connection that passed the rules: stored names and port id, canonical transport. */
    public record ConnectionDraft(String client, String server, String portId, String transport) {
    }
}
