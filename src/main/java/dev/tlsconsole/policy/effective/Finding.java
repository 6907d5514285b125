package dev.tlsconsole.policy.effective;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One thing that will break or is weak about a connection.
 *
 * @param message    one line naming the object and the value to change
 * @param fixAt      the object to change (its type is the level to fix it at), so the UI can link to it
 * @param suggestion the machine-readable change that clears it (issue 12 item 8); null when no option
 *                   change can (a certificate to replace, a product to upgrade: see the catalogue's fix text)
 */
public record Finding(FindingCode code, Severity severity, Side side, String message, ObjectRef fixAt,
                      @Nullable SuggestedChange suggestion) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fixAt, "fixAt");
        if (severity != code.severity()) {
            throw new IllegalArgumentException(code + " is " + code.severity() + ", not " + severity);
        }
    }

    /** A finding without a machine-readable fix. */
    public Finding(FindingCode code, Severity severity, Side side, String message, ObjectRef fixAt) {
        this(code, severity, side, message, fixAt, null);
    }

    public static Finding of(FindingCode code, Side side, ObjectRef fixAt, String message) {
        return new Finding(code, code.severity(), side, message, fixAt, null);
    }

    public static Finding of(FindingCode code, Side side, ObjectRef fixAt, String message, SuggestedChange suggestion) {
        return new Finding(code, code.severity(), side, message, fixAt, suggestion);
    }

    /** This finding with a machine-readable fix. */
    public Finding withSuggestion(@Nullable SuggestedChange change) {
        return new Finding(code, severity, side, message, fixAt, change);
    }

    /** The machine-readable fix, when an option change clears the finding. */
    public Optional<SuggestedChange> suggestedChange() {
        return Optional.ofNullable(suggestion);
    }

    /** The option level to fix it at ({@code HOST}, {@code APPLICATION}, {@code PORT} or {@code CONNECTION}). */
    public Level fixLevel() {
        return fixAt.level();
    }
}
