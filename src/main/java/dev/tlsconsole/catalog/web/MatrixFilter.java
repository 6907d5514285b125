package dev.tlsconsole.catalog.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.Component;

/**
 * What the grid is narrowed to: a group, a piece of a name or alias, and whether the components they connect with
 * are shown too. Comes from plain GET parameters so the filter works without JavaScript and can be bookmarked.
 *
 * @param group a group name, or null for every group
 * @param name  text the component's name or one of its aliases contains (ignoring case), or null
 * @param scope {@link Scope#PEERS} to show the matches with their peers, {@link Scope#ONLY} for links among matches
 */
public record MatrixFilter(@Nullable String group, @Nullable String name, Scope scope) {

    /** How far the grid reaches beyond the components that match. */
    public enum Scope {
        /** the matches, plus the clients connecting to them (rows) and the servers they connect to (columns) */
        PEERS,
        /** only links whose both sides match */
        ONLY
    }

    public static final MatrixFilter NONE = new MatrixFilter(null, null, Scope.PEERS);

    /** From request parameters: blanks mean "no filter", an unknown scope means the default. */
    public static MatrixFilter of(@Nullable String group, @Nullable String name, @Nullable String scope) {
        return new MatrixFilter(blankToNull(group), blankToNull(name),
                "only".equalsIgnoreCase(scope) ? Scope.ONLY : Scope.PEERS);
    }

    /** True when the grid is narrowed at all. */
    public boolean active() {
        return group != null || name != null;
    }

    public boolean matches(Component component) {
        if (group != null && !group.equals(component.group())) {
            return false;
        }
        if (name == null) {
            return true;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return component.name().toLowerCase(Locale.ROOT).contains(wanted)
                || component.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(wanted));
    }

    /** The scope as the form's select spells it. */
    public String scopeParameter() {
        return scope.name().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
