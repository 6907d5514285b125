package dev.tlsconsole.audit;

/** How an audited operation ended. */
public enum AuditOutcome {
    SUCCESS,
    /** rejected input, a conflict, an object that does not exist, or an internal error */
    FAILURE,
    /** the actor's roles do not allow it */
    DENIED
}
