package dev.tlsconsole.catalog.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.catalog.Note;
import dev.tlsconsole.catalog.Trait;

/**
 * A component as {@code GET /api/v1/catalog/components} returns it: API.md's {@code name}, {@code group} and
 * {@code notes} (the note texts, like the {@code notes} of a link), plus the structured notes with their kind so a
 * tool can tell a product-specific note from information, and how many links and rules the component has.
 *
 * @param noteDetails   the notes with id, kind and seed source
 * @param linksAsClient links and rules through which the component may connect to others
 * @param linksAsServer links and rules through which others may connect to it
 */
public record ComponentSummary(
        String name,
        String group,
        List<String> aliases,
        List<Trait> traits,
        boolean autoDetect,
        @Nullable String configFile,
        List<String> notes,
        List<Note> noteDetails,
        String source,
        int linksAsClient,
        int linksAsServer) {

    static ComponentSummary of(Component component, Catalog catalog) {
        List<Trait> traits = component.traits().stream().sorted().toList();
        return new ComponentSummary(component.name(), component.group(), component.aliases(), traits,
                component.autoDetect(), component.configFile(), component.notes().stream().map(Note::text).toList(),
                component.notes(), component.source(), catalog.linksFor(component.name(), null).size(),
                catalog.linksFor(null, component.name()).size());
    }
}
