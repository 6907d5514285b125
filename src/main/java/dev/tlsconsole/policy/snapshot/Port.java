package dev.tlsconsole.policy.snapshot;

import java.util.Objects;

/**
 * A listening port of a server application.
 *
 * @param portId    the port's name: {@code default}, an alternate name, {@code ESP}, …
 * @param transport the raw transport-parameter string as stored ({@code ""} when none)
 */
public record Port(long id, long applicationId, String portId, int number, ListeningMode listeningMode, String transport) {

    public Port {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(listeningMode, "listeningMode");
        Objects.requireNonNull(transport, "transport");
    }

    Port withTransport(String newTransport) {
        return new Port(id, applicationId, portId, number, listeningMode, newTransport);
    }
}
