package dev.tlsconsole.catalog;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.policy.Version;

/**
 * One side of a {@link SupportedLink}: either a named component (with an optional minimum version) or a
 * wildcard selecting every component with some attributes. Wildcards keep statements such as "all other
 * Genesys servers" as one documented rule instead of hundreds of hand-expanded pairs that would go stale.
 */
public sealed interface LinkEnd permits LinkEnd.Named, LinkEnd.AnyOf {

    /** True when {@code component} is on this side of the link. */
    boolean covers(Component component);

    /** What the matrix shows for this side: a component name or the wildcard's label. */
    String label();

    /** The minimum version of this side, or null when the seed gives none (always null for wildcards). */
    @Nullable Version minVersion();

    /**
     * A component named by the seed.
     *
     * @param component  canonical component name
     * @param minVersion from "8.1.0 and later"; null when the seed gives no minimum
     */
    record Named(String component, @Nullable Version minVersion) implements LinkEnd {

        @Override
        public boolean covers(Component candidate) {
            return candidate.name().equals(component);
        }

        @Override
        public String label() {
            return component;
        }
    }

    /**
     * Every component that is in {@code components} (when given), in one of {@code groups} (when given), has all
     * of {@code traits} and none of {@code withoutTraits}. Empty constraints select every component.
     *
     * @param label what the matrix shows, e.g. "any other Genesys server"
     */
    record AnyOf(String label, Set<String> components, Set<String> groups, Set<Trait> traits, Set<Trait> withoutTraits)
            implements LinkEnd {

        public AnyOf {
            components = Set.copyOf(components);
            groups = Set.copyOf(groups);
            traits = Set.copyOf(traits);
            withoutTraits = Set.copyOf(withoutTraits);
        }

        @Override
        public boolean covers(Component candidate) {
            return (components.isEmpty() || components.contains(candidate.name()))
                    && (groups.isEmpty() || groups.contains(candidate.group()))
                    && candidate.traits().containsAll(traits)
                    && withoutTraits.stream().noneMatch(candidate::has);
        }

        @Override
        public @Nullable Version minVersion() {
            return null;
        }
    }
}
