package dev.tlsconsole.policy.snapshot;

import java.util.Objects;

/**
 * A connection from a client application to a server application's listening port.
 *
 * @param serverPortId the {@link Port#id()} of the target port
 * @param transport    the raw transport-parameter string as stored ({@code ""} when none)
 */
public record ConnectionSnapshot(long id, long clientApplicationId, long serverPortId, String transport) {

    public ConnectionSnapshot {
        Objects.requireNonNull(transport, "transport");
    }

    ConnectionSnapshot withTransport(String newTransport) {
        return new ConnectionSnapshot(id, clientApplicationId, serverPortId, newTransport);
    }
}
