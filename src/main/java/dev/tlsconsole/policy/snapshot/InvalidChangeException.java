package dev.tlsconsole.policy.snapshot;

/**
 * A staged change that could not be saved either: unknown target, an invalid option value, or a
 * value a transport string cannot carry. The message is written for the user (a 400, not a 500).
 */
public final class InvalidChangeException extends RuntimeException {

    public InvalidChangeException(String message) {
        super(message);
    }
}
