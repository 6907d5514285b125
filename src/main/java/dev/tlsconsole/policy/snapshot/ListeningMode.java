package dev.tlsconsole.policy.snapshot;

/**
 * How a server port listens as recorded by the operator. {@code SECURE} still needs {@code tls=1} in
 * the port's own transport; {@code AUTO_DETECT} (upgrade) is Configuration Server's plain-then-TLS mode.
 */
public enum ListeningMode {
    UNSECURED, SECURE, AUTO_DETECT
}
