package dev.tlsconsole.catalog;

/**
 * The seed's "Port (Secure Listening Port)" column: whether any secure port of the server will do, or the
 * client only uses a port with one particular id (Interaction Server connects to Chat Server's {@code ESP}).
 */
public enum PortRule {
    /** "default (or alternate name)": the default port or any alternately named port */
    DEFAULT_OR_ALTERNATE,
    /** "(required name)": the server port must carry exactly the required id */
    REQUIRED_NAME
}
