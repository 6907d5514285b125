package dev.tlsconsole.policy.snapshot;

import dev.tlsconsole.policy.option.Level;

/** The kinds of topology object an option, a finding or a staged change can point at. */
public enum ObjectType {
    HOST, APPLICATION, PORT, CONNECTION,
    /** The annex {@code [security]} section of an application (id and name are the application's). */
    APPLICATION_ANNEX;

    /** The option level stored on objects of this type. */
    public Level level() {
        return switch (this) {
            case HOST -> Level.HOST;
            case APPLICATION -> Level.APPLICATION;
            case PORT -> Level.PORT;
            case CONNECTION -> Level.CONNECTION;
            case APPLICATION_ANNEX -> Level.APPLICATION_ANNEX;
        };
    }
}
