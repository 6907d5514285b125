package dev.tlsconsole.policy.option;

/**
 * Where an option value comes from, most specific first. {@code CONNECTION} and {@code PORT} are the
 * transport strings of a client connection and a server listening port; {@code APPLICATION} and
 * {@code HOST} the {@code [security]} sections; {@code APPLICATION_ANNEX} the application's annex
 * {@code [security]} section, read after its options and before the host annex (reference §8 A1);
 * {@code DEFAULT} means nobody set it.
 */
public enum Level {
    CONNECTION, PORT, APPLICATION, APPLICATION_ANNEX, HOST, DEFAULT
}
