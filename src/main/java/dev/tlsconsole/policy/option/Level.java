package dev.tlsconsole.policy.option;

/**
 * Where an option value comes from, most specific first. {@code CONNECTION} and {@code PORT} are the
 * transport strings of a client connection and a server listening port; {@code APPLICATION} and
 * {@code HOST} the {@code [security]} sections; {@code DEFAULT} means nobody set it.
 */
public enum Level {
    CONNECTION, PORT, APPLICATION, HOST, DEFAULT
}
