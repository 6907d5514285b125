package dev.tlsconsole;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request conflicts with the current state: a stale version (both versions are attached so
 * nothing is lost silently) or an object still in use (what uses it is attached). HTTP 409.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

    private final transient Map<String, Object> details;

    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    /** A save based on {@code submittedVersion} while the object is at {@code current}'s version. */
    public static ConflictException staleVersion(String type, String name, long submittedVersion, long currentVersion,
            Object current) {
        return new ConflictException(
                type + " '" + name + "' was changed by someone else (your version " + submittedVersion
                        + ", current version " + currentVersion + "): review the current values and apply your change again",
                Map.of("yourVersion", submittedVersion, "currentVersion", currentVersion, "current", current));
    }

    public Map<String, Object> details() {
        return details;
    }
}
