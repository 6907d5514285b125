package dev.tlsconsole.audit;

import static dev.tlsconsole.audit.AuditObjectType.API_TOKEN;
import static dev.tlsconsole.audit.AuditObjectType.APPLICATION;
import static dev.tlsconsole.audit.AuditObjectType.AUDIT;
import static dev.tlsconsole.audit.AuditObjectType.AUDIT_CHAIN;
import static dev.tlsconsole.audit.AuditObjectType.CERTIFICATE;
import static dev.tlsconsole.audit.AuditObjectType.CERTIFICATE_AUTHORITY;
import static dev.tlsconsole.audit.AuditObjectType.CONNECTION;
import static dev.tlsconsole.audit.AuditObjectType.CRL;
import static dev.tlsconsole.audit.AuditObjectType.ENDPOINT;
import static dev.tlsconsole.audit.AuditObjectType.HOST;
import static dev.tlsconsole.audit.AuditObjectType.NOTIFICATION_CHANNEL;
import static dev.tlsconsole.audit.AuditObjectType.PORT;
import static dev.tlsconsole.audit.AuditObjectType.TOPOLOGY;
import static dev.tlsconsole.audit.AuditObjectType.USER;

/**
 * Every action the trail records, with the type of object it acts on. The stored text is {@link #code()},
 * dotted lower case ({@code host.create}), as it always was; {@link Audited} names one of these.
 */
public enum AuditAction {
    HOST_CREATE("host.create", HOST),
    HOST_UPDATE("host.update", HOST),
    HOST_DELETE("host.delete", HOST),
    APPLICATION_CREATE("application.create", APPLICATION),
    APPLICATION_UPDATE("application.update", APPLICATION),
    APPLICATION_DELETE("application.delete", APPLICATION),
    CONNECTION_CREATE("connection.create", CONNECTION),
    CONNECTION_UPDATE("connection.update", CONNECTION),
    CONNECTION_DELETE("connection.delete", CONNECTION),
    TOPOLOGY_IMPORT("topology.import", TOPOLOGY),
    TOPOLOGY_IMPORT_GENESYS("topology.import.genesys", TOPOLOGY),
    PROBE("PROBE", PORT),
    CERTIFICATE_IMPORT("certificate.import", CERTIFICATE),
    CERTIFICATE_UPDATE("certificate.update", CERTIFICATE),
    CERTIFICATE_DELETE("certificate.delete", CERTIFICATE),
    CERTIFICATE_ASSIGN("certificate.assign", CERTIFICATE),
    CERTIFICATE_BUNDLE_EXPORT("certificate.bundle.export", CERTIFICATE),
    CERTIFICATE_KEY_EXPORT("certificate.key.export", CERTIFICATE),
    CERTIFICATE_ISSUE("certificate.issue", CERTIFICATE),
    CERTIFICATE_SIGN_CSR("certificate.sign-csr", CERTIFICATE),
    CERTIFICATE_REVOKE("certificate.revoke", CERTIFICATE),
    AUTHORITY_CREATE("authority.create", CERTIFICATE_AUTHORITY),
    AUTHORITY_UPDATE("authority.update", CERTIFICATE_AUTHORITY),
    AUTHORITY_CRL_PUBLISH("authority.crl.publish", CERTIFICATE_AUTHORITY),
    CRL_IMPORT("crl.import", CRL),
    NOTIFICATION_CHANNEL_CREATE("notification-channel.create", NOTIFICATION_CHANNEL),
    NOTIFICATION_CHANNEL_UPDATE("notification-channel.update", NOTIFICATION_CHANNEL),
    NOTIFICATION_CHANNEL_DELETE("notification-channel.delete", NOTIFICATION_CHANNEL),
    NOTIFICATION_CHANNEL_TEST("notification-channel.test", NOTIFICATION_CHANNEL),
    NOTIFICATIONS_RUN("notifications.run", NOTIFICATION_CHANNEL),
    USER_CREATE("user.create", USER),
    USER_UPDATE("user.update", USER),
    USER_PASSWORD_RESET("user.password.reset", USER),
    USER_PASSWORD_CHANGE("user.password.change", USER),
    USER_UNLOCK("user.unlock", USER),
    TOKEN_CREATE("token.create", API_TOKEN),
    TOKEN_REVOKE("token.revoke", API_TOKEN),
    AUTH_LOGIN("auth.login", USER),
    AUTH_LOGOUT("auth.logout", USER),
    AUTH_LOCKOUT("auth.lockout", USER),
    AUTH_TOKEN("auth.token", API_TOKEN),
    ACCESS_DENIED("access.denied", ENDPOINT),
    REQUEST_REJECTED("request.rejected", ENDPOINT),
    AUDIT_EXPORT("audit.export", AUDIT),
    AUDIT_PURGE("audit.purge", AUDIT),
    AUDIT_CHAIN_KEYED("audit.chain.keyed", AUDIT_CHAIN);

    private final String code;
    private final AuditObjectType objectType;

    AuditAction(String code, AuditObjectType objectType) {
        this.code = code;
        this.objectType = objectType;
    }

    /** The text stored in the trail. */
    public String code() {
        return code;
    }

    public AuditObjectType objectType() {
        return objectType;
    }
}
