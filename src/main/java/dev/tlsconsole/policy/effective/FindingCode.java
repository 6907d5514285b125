package dev.tlsconsole.policy.effective;

/**
 * The stable codes of the findings catalogue (DESIGN.md §4) with their severity. Codes marked
 * "console addition" are not in the design table; the report to the lead lists why each exists.
 */
public enum FindingCode {
    TLS_NOT_ON_PORT(Severity.ERROR),
    TRANSPORT_SYNTAX(Severity.ERROR),
    UNKNOWN_OPTION(Severity.WARNING),
    INVALID_VALUE(Severity.ERROR),
    /** console addition: a known option set at a level Genesys does not read it at */
    OPTION_LEVEL_IGNORED(Severity.WARNING),
    AUTO_DETECT_NOT_CONFIG_SERVER(Severity.ERROR),
    /** console addition: the client forces immediate TLS ({@code tls=1}) on an auto-detect port */
    AUTO_DETECT_CLIENT_FORCES_TLS(Severity.ERROR),
    /** console addition: the port's listening mode says UNSECURED but its transport has {@code tls=1} */
    LISTENING_MODE_MISMATCH(Severity.WARNING),
    SERVER_CERT_MISSING(Severity.ERROR),
    UNIX_KEY_OR_CA_MISSING(Severity.ERROR),
    CERT_FORMAT_FOR_OS(Severity.ERROR),
    CLIENT_CERT_MISSING(Severity.ERROR),
    UNTRUSTED_ISSUER(Severity.ERROR),
    HOST_NAME_MISMATCH(Severity.ERROR),
    CERT_EXPIRED(Severity.ERROR),
    CERT_NOT_YET_VALID(Severity.ERROR),
    CERT_EXPIRING(Severity.WARNING),
    CERT_REVOKED(Severity.ERROR),
    CRL_STALE(Severity.WARNING),
    WEAK_KEY(Severity.WARNING),
    WEAK_SIGNATURE(Severity.WARNING),
    /** console addition: the certificate is not known to the console, so its content was not checked */
    CERT_CONTENT_UNCHECKED(Severity.INFO),
    SEC_PROTOCOL_LEVEL(Severity.WARNING),
    PROTOCOL_MISMATCH(Severity.ERROR),
    PROTOCOL_OBSOLETE(Severity.WARNING),
    PROTOCOL_UNSUPPORTED_BY_PACK(Severity.ERROR),
    ENCRYPTION_ONLY(Severity.WARNING),
    SECURITY_PACK_MISSING(Severity.ERROR),
    LINK_NOT_SUPPORTED(Severity.ERROR),
    VERSION_TOO_OLD(Severity.ERROR),
    PORT_NAME_REQUIRED(Severity.ERROR),
    PRODUCT_SPECIFIC(Severity.INFO),
    WINDOWS_OS_OVERRIDES_PROTOCOL(Severity.INFO),
    CONFIG_FILE_ONLY(Severity.INFO),
    /**
     * issue 12 (reference §8 B1): the peer's certificate is revoked but the checking side has no
     * {@code tls-crl}, so Genesys does not check and the link comes up
     */
    CERT_REVOKED_UNCHECKED(Severity.WARNING),
    /** observed by a probe: the port did not accept a TCP connection */
    OBSERVED_UNREACHABLE(Severity.WARNING),
    /** observed by a probe: the port is declared to use TLS but answered without it */
    OBSERVED_PLAIN_ON_TLS_PORT(Severity.ERROR),
    /** observed by a probe: the port is declared plain but completed a TLS handshake */
    OBSERVED_TLS_ON_PLAIN_PORT(Severity.ERROR),
    /** observed by a probe: the server presented another certificate than the one its options name */
    OBSERVED_CERT_NOT_DECLARED(Severity.ERROR),
    /** observed by a probe: mutual TLS is declared but the server did not ask for a client certificate */
    OBSERVED_CLIENT_CERT_NOT_REQUESTED(Severity.ERROR),
    /** observed by a probe: the server accepted a protocol version its sec-protocol should refuse */
    OBSERVED_PROTOCOL_NOT_ALLOWED(Severity.WARNING),
    /** observed by a probe: the presented chain does not lead to a CA of the client's trusted-ca */
    OBSERVED_UNTRUSTED_CHAIN(Severity.ERROR),
    /** observed by a probe: the presented certificate does not name what the client checks */
    OBSERVED_HOST_NAME_MISMATCH(Severity.ERROR),
    /** observed by a probe: the presented certificate is expired (or not yet valid) */
    OBSERVED_CERT_EXPIRED(Severity.ERROR),
    /** observed by a probe: the presented certificate is on its issuer's newest CRL */
    OBSERVED_CERT_REVOKED(Severity.ERROR),
    /** HA pair: the server's backup application has no port with the port id the client connects to (reference §8 E1) */
    BACKUP_PORT_MISSING(Severity.WARNING),
    /** HA pair: at switchover the client meets another mode on the backup's port than on the primary's */
    BACKUP_MODE_DIFFERS(Severity.WARNING),
    /** the client sets tls-target-name, which its UNIX Security Pack reads only from 8.5.100.23 on (reference §8 D2) */
    TARGET_NAME_NEEDS_PACK(Severity.WARNING),
    /** both sides restrict cipher-list to lists that share no suite: the handshake fails (reference §8 F1) */
    NO_COMMON_CIPHER(Severity.ERROR),
    /** an effective cipher-list allows a suite the cipher table marks weak (RC4, 3DES, NULL, export, anonymous…) */
    WEAK_CIPHER(Severity.WARNING),
    /** a cipher-list names a suite as the other TLS implementation spells it (JSSE name on OpenSSL or the reverse) */
    CIPHER_NAME_FOR_STACK(Severity.WARNING),
    /**
     * a Java (Platform SDK) side sets provider, fips140-enabled, certificate, certificate-key or trusted-ca at
     * more than one level; PSDK reads the five together from the first level that sets any (reference §8 A3)
     */
    PSDK_BLOCK_SPLIT(Severity.WARNING),
    /** issue 12 follow-up (reference §8 A3): a Java (Platform SDK) client resolves client-auth, which PSDK does not read */
    OPTION_NOT_READ_BY_PSDK(Severity.WARNING);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** True for the codes a probe raises by comparing what a port serves with what is declared, never the engine. */
    public boolean observed() {
        return name().startsWith("OBSERVED_");
    }
}
