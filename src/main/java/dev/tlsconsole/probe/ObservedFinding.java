package dev.tlsconsole.probe;

import java.util.Objects;

import dev.tlsconsole.policy.effective.FindingCode;

/**
 * A difference between what a probe saw and what the configuration declares.
 *
 * @param connectionId the connection it concerns; null when it concerns the port (every connection to it)
 */
public record ObservedFinding(FindingCode code, String message, Long connectionId) {

    public ObservedFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!code.observed()) {
            throw new IllegalArgumentException(code + " is not a probe finding");
        }
    }

    /** True when it applies to {@code connection}: a port finding, or one about that connection. */
    boolean concerns(long connection) {
        return connectionId == null || connectionId == connection;
    }
}
