package dev.tlsconsole.topology;

/**
 * How a server port listens. {@code SECURE} starts TLS at once (the port's transport carries
 * {@code tls=1}); {@code AUTO_DETECT} accepts a plain connection that upgrades to TLS, which only
 * Configuration Server (and its Proxy) implement — other components are allowed here and flagged by
 * the policy engine, because the topology records what is configured, right or wrong.
 */
public enum ListeningMode {
    SECURE, UNSECURED, AUTO_DETECT
}
