package dev.tlsconsole.policy.effective;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.Objects;

/**
 * One thing that will break or is weak about a connection.
 *
 * @param message one line naming the object and the value to change
 * @param fixAt   the object to change (its type is the level to fix it at), so the UI can link to it
 */
public record Finding(FindingCode code, Severity severity, Side side, String message, ObjectRef fixAt) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fixAt, "fixAt");
        if (severity != code.severity()) {
            throw new IllegalArgumentException(code + " is " + code.severity() + ", not " + severity);
        }
    }

    public static Finding of(FindingCode code, Side side, ObjectRef fixAt, String message) {
        return new Finding(code, code.severity(), side, message, fixAt);
    }

    /** The option level to fix it at ({@code HOST}, {@code APPLICATION}, {@code PORT} or {@code CONNECTION}). */
    public Level fixLevel() {
        return fixAt.level();
    }
}
