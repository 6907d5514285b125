package dev.tlsconsole.topology.connection;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.constraints.Size;

import dev.tlsconsole.FieldRules;

import java.util.List;

import dev.tlsconsole.topology.OptionChecks;
import dev.tlsconsole.topology.OptionChecks.OptionWarning;
import dev.tlsconsole.topology.application.ListeningPort;

/** Requests and read models of connections, shared by the UI, the API and the bulk import. */
public final class ConnectionCommands {

    private ConnectionCommands() {
    }

    /** A connection as entered: both applications by name, the server's port by its id. */
    public record NewConnection(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 255, message = FieldRules.TOO_LONG) String client, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 255, message = FieldRules.TOO_LONG) String server, @Size(max = 64, message = FieldRules.TOO_LONG) String portId,
            String transport) {
    }

    /** Every property of a connection; {@code version} is the version the change is based on. */
    public record ConnectionChange(@Size(max = 255, message = FieldRules.TOO_LONG) String client, @Size(max = 255, message = FieldRules.TOO_LONG) String server, @Size(max = 64, message = FieldRules.TOO_LONG) String portId,
            String transport, Long version) {

        NewConnection asNew() {
            return new NewConnection(client, server, portId, transport);
        }
    }

    /** A connection as shown: both ends by name and id, the port it targets, its canonical transport. */
    public record ConnectionView(Long id, String client, Long clientId, String server, Long serverId, String portId,
            int portNumber, @Schema(allowableValues = {"UNSECURED", "SECURE", "AUTO_DETECT"}) String listeningMode, String transport, long version, List<OptionWarning> optionWarnings) {

        static ConnectionView of(Connection connection) {
            ListeningPort port = connection.getServerPort();
            return new ConnectionView(connection.getId(), connection.getClient().getName(), connection.getClient().getId(),
                    port.getApplication().getName(), port.getApplication().getId(), port.getPortId(), port.getPortNumber(),
                    port.getListeningMode().name(), connection.getTransport(), connection.getVersion(),
                    OptionChecks.transportWarnings("transport", connection.getTransport()));
        }

        /** The same connection as a change request based on this version. */
        public ConnectionChange asChange() {
            return new ConnectionChange(client, server, portId, transport, version);
        }

        /** {@code statserv → confserv:default}, how admins name a connection. */
        public String label() {
            return client + " → " + server + ":" + portId;
        }
    }
}
