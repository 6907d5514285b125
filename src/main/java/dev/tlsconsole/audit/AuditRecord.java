package dev.tlsconsole.audit;

import java.util.Objects;

/**
 * What happened, to what, and how it ended. {@code before}/{@code after} are any objects serialisable
 * to JSON (records, maps); secrets in them are redacted before they are stored.
 */
public record AuditRecord(String action, String objectType, String objectId, String objectName,
        AuditOutcome outcome, String detail, Object before, Object after) {

    /** Longest object name the trail keeps (its column); a longer one (a connection's "client → server") keeps its beginning. */
    static final int MAX_OBJECT_NAME = 255;

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (objectName != null && objectName.length() > MAX_OBJECT_NAME) {
            objectName = objectName.substring(0, MAX_OBJECT_NAME - 1) + "…";
        }
    }

    public static AuditRecord success(String action, String objectType, Object objectId, String objectName,
            Object before, Object after) {
        return new AuditRecord(action, objectType, objectId == null ? null : objectId.toString(), objectName,
                AuditOutcome.SUCCESS, null, before, after);
    }

    public static AuditRecord failure(String action, String objectType, String objectName, String detail) {
        return failure(action, objectType, null, objectName, detail);
    }

    public static AuditRecord failure(String action, String objectType, String objectId, String objectName, String detail) {
        return new AuditRecord(action, objectType, objectId, objectName, AuditOutcome.FAILURE, detail, null, null);
    }

    public static AuditRecord denied(String action, String objectType, String objectName, String detail) {
        return denied(action, objectType, null, objectName, detail);
    }

    public static AuditRecord denied(String action, String objectType, String objectId, String objectName, String detail) {
        return new AuditRecord(action, objectType, objectId, objectName, AuditOutcome.DENIED, detail, null, null);
    }
}
