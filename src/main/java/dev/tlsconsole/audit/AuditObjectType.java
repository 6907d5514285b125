package dev.tlsconsole.audit;

/**
 * What an audit entry is about: the one vocabulary of the trail's {@code object_type} column. The stored
 * text is {@link #code()} (the constant's name, but for the chain anchor's historical lower-case
 * {@code audit}), so entries written before this enum existed read the same.
 */
public enum AuditObjectType {
    HOST, APPLICATION, CONNECTION, PORT, CERTIFICATE, CERTIFICATE_AUTHORITY, CRL, NOTIFICATION_CHANNEL, API_TOKEN,
    USER, ENDPOINT, TOPOLOGY, AUDIT, AUDIT_CHAIN("audit");

    private final String code;

    AuditObjectType() {
        this.code = name();
    }

    AuditObjectType(String code) {
        this.code = code;
    }

    /** The text stored in the trail. */
    public String code() {
        return code;
    }
}
