package dev.tlsconsole.audit;

import java.util.Objects;

/**
 * What happened, to what, and how it ended. {@code before}/{@code after} are any objects serialisable
 * to JSON (records, maps); secrets in them are redacted before they are stored. Action and object type
 * come from {@link AuditAction}; the record holds their stored codes.
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

    public static AuditRecord of(AuditAction action, Object objectId, String objectName, AuditOutcome outcome, String detail,
            Object before, Object after) {
        return new AuditRecord(action.code(), action.objectType().code(), objectId == null ? null : objectId.toString(),
                objectName, outcome, detail, before, after);
    }

    /**
     * The success entry of the {@link Audited} method running now: action and object type are the
     * annotation's, and so is the object id when {@code objectId} is null (the annotation's
     * {@code objectId} expression over the method's arguments).
     */
    public static AuditRecord success(Object objectId, String objectName, Object before, Object after) {
        ActiveAudit.Operation active = ActiveAudit.current();
        return of(active.action(), objectId == null ? active.objectId() : objectId, objectName, AuditOutcome.SUCCESS, null,
                before, after);
    }

    /** A success entry written outside an {@link Audited} method (sign-in, sign-out, the first administrator). */
    public static AuditRecord success(AuditAction action, Object objectId, String objectName, Object before, Object after) {
        return of(action, objectId, objectName, AuditOutcome.SUCCESS, null, before, after);
    }

    public static AuditRecord failure(AuditAction action, String objectName, String detail) {
        return failure(action, null, objectName, detail);
    }

    public static AuditRecord failure(AuditAction action, String objectId, String objectName, String detail) {
        return of(action, objectId, objectName, AuditOutcome.FAILURE, detail, null, null);
    }

    public static AuditRecord denied(AuditAction action, String objectName, String detail) {
        return denied(action, null, objectName, detail);
    }

    public static AuditRecord denied(AuditAction action, String objectId, String objectName, String detail) {
        return of(action, objectId, objectName, AuditOutcome.DENIED, detail, null, null);
    }
}
