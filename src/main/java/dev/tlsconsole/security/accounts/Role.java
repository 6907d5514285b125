package dev.tlsconsole.security.accounts;

/**
 * What a console user may do. ADMIN implies the other two (see the role hierarchy in the security
 * configuration).
 */
public enum Role {
    /** everything, including users and the export of private keys */
    ADMIN,
    /** topology, options and certificates */
    OPERATOR,
    /** read-only everywhere, plus the audit screens */
    AUDITOR;

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
