package dev.tlsconsole.policy.effective;

/** How a connection is secured, decided by the target port and the two sides' options. */
public enum Mode {
    /** the port is not secure: no TLS at all */
    PLAINTEXT,
    /** Configuration Server's auto-detect (upgrade) port: plain first, TLS if the client upgrades */
    AUTO_DETECT,
    /** TLS without the client authenticating the server ({@code client-auth=0}) */
    ENCRYPTION_ONLY,
    /** the client authenticates the server's certificate */
    SIMPLE_TLS,
    /** both sides present and check certificates ({@code tls-mutual=1}) */
    MUTUAL_TLS
}
