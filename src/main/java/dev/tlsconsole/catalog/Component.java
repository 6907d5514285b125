package dev.tlsconsole.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A component type the seed names ({@code Application.componentType} refers to it by name or alias).
 *
 * @param name       canonical name, spelled as in the seed
 * @param group      the {@link ComponentGroup} it is shown under
 * @param aliases    other names it is known by ({@code UCS}, {@code LCA}, {@code IW}…), matched case-insensitively
 * @param traits     attributes the wildcard rules select on
 * @param autoDetect true when it can listen in auto-detect (upgrade) mode: Configuration Server and its Proxy only
 * @param configFile the local file it reads TLS settings from ({@code lca.cfg}), or null when it reads them from
 *                   Configuration Server like everyone else
 * @param notes      notes that apply to every connection of this component
 * @param source     the seed section that names it
 */
public record Component(
        String name,
        String group,
        List<String> aliases,
        Set<Trait> traits,
        boolean autoDetect,
        @Nullable String configFile,
        List<Note> notes,
        String source) {

    public Component {
        aliases = List.copyOf(aliases);
        traits = Set.copyOf(traits);
        notes = List.copyOf(notes);
    }

    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** The configuration file TLS settings must be put in, for components that read only their own file. */
    public Optional<String> configFileName() {
        return Optional.ofNullable(configFile);
    }

    /** Notes of one kind, e.g. the {@link NoteKind#PRODUCT_SPECIFIC} ones the policy engine surfaces. */
    public List<Note> notes(NoteKind kind) {
        return notes.stream().filter(n -> n.kind() == kind).toList();
    }
}
