package dev.tlsconsole.policy.option;

import java.util.Set;
import java.util.stream.Collectors;

/** Prose for levels, shared by option messages and the policy engine. */
public final class Levels {

    private Levels() {
    }

    /** "on a port transport", "in an application's [security] section", … */
    public static String at(Level level) {
        return switch (level) {
            case CONNECTION -> "on a connection transport";
            case PORT -> "on a port transport";
            case APPLICATION -> "in an application's [security] section";
            case APPLICATION_ANNEX -> "in an application's annex [security] section";
            case HOST -> "in a host's annex [security] section";
            case DEFAULT -> "as a default";
        };
    }

    static String list(Set<Level> levels) {
        return levels.stream().sorted().map(Levels::at).collect(Collectors.joining(", "));
    }
}
