package dev.tlsconsole.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.tlsconsole.catalog.YamlNode.Scalar;

/**
 * What the loader has read so far and later entries may refer to: notes by id, groups by name, components by
 * name or alias. Each lookup fails at the referring line, which is where the editor has to look.
 */
record LoaderContext(Map<String, Note> notes, Set<String> groups, Map<String, Component> components) {

    LoaderContext {
        notes = Map.copyOf(notes);
        groups = Set.copyOf(groups);
        components = Map.copyOf(components);
    }

    Component component(Scalar name, String what) {
        Component component = components.get(Catalog.key(name.text()));
        if (component == null) {
            throw new CatalogException(name.position(),
                    what + " names unknown component '" + name.text() + "' (not a component name or alias)");
        }
        return component;
    }

    Note note(Scalar id, String what) {
        Note note = notes.get(id.text());
        if (note == null) {
            throw new CatalogException(id.position(), what + " refers to unknown note '" + id.text() + "'");
        }
        return note;
    }

    List<Note> notes(List<Scalar> ids, String what) {
        return ids.stream().map(id -> note(id, what)).toList();
    }

    Trait trait(Scalar name, String what) {
        return Trait.fromYaml(name.text()).orElseThrow(() -> new CatalogException(name.position(),
                what + " has unknown trait '" + name.text() + "'; expected one of "
                        + Arrays.stream(Trait.values()).map(Trait::yamlName).toList()));
    }

    String group(Scalar name, String what) {
        if (!groups.contains(name.text())) {
            throw new CatalogException(name.position(), what + " names unknown group '" + name.text()
                    + "' (declare it under 'groups')");
        }
        return name.text();
    }
}
