package dev.tlsconsole.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.tlsconsole.catalog.YamlNode.Position;
import dev.tlsconsole.catalog.YamlNode.Scalar;

/**
 * Reads {@code catalog.yaml} into a {@link Catalog} and refuses a broken one: unknown keys, unknown
 * components, groups, notes, traits or port rules, duplicate names or aliases (case-insensitive), bad versions,
 * wildcard rules without a definition. Every error names the file, line and column. Plain Java, so tests and
 * tools can load a catalog without Spring.
 *
 * <p>Schema, in file order: {@code notes} (id, kind, text, source), {@code catalogNotes} (note ids),
 * {@code groups} (name, description), {@code components} (name, group, aliases, traits, autoDetect,
 * configFile, notes, source), {@code links} and {@code rules} (see {@link LinkReader}), {@code seedMap}
 * (seedText, components, reading).
 */
public final class CatalogLoader {

    /** Where the application's catalog lives on the classpath. */
    public static final String DEFAULT_LOCATION = "catalog/catalog.yaml";

    private CatalogLoader() {
    }

    /** Loads {@link #DEFAULT_LOCATION}. */
    public static Catalog loadDefault() {
        InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(DEFAULT_LOCATION);
        if (in == null) {
            throw new IllegalStateException("the catalog resource " + DEFAULT_LOCATION + " is not on the classpath");
        }
        return load(in, DEFAULT_LOCATION);
    }

    /**
     * Loads a catalog and closes the stream.
     *
     * @param origin how to name the source in error messages, e.g. {@code catalog/catalog.yaml}
     * @throws CatalogException when the file is not valid YAML or breaks the catalog schema
     */
    public static Catalog load(InputStream in, String origin) {
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(YamlNode.parse(reader, origin));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog from " + origin, e);
        }
    }

    private static Catalog read(YamlNode root) {
        Fields top = Fields.of(root, "the catalog",
                "notes", "catalogNotes", "groups", "components", "links", "rules", "seedMap");
        Map<String, Position> notePositions = new LinkedHashMap<>();
        Map<String, Note> notes = readNotes(top.list("notes"), notePositions);
        Set<String> groupNames = new LinkedHashSet<>();
        List<ComponentGroup> groups = readGroups(top.list("groups"), groupNames);
        LoaderContext partial = new LoaderContext(notes, groupNames, Map.of());
        List<Note> catalogNotes = partial.notes(top.texts("catalogNotes"), "catalogNotes");
        Map<String, Component> byKey = new HashMap<>();
        List<Component> components = new ArrayList<>();
        for (YamlNode node : top.list("components")) {
            components.add(readComponent(node, partial, byKey));
        }
        LoaderContext context = new LoaderContext(notes, groupNames, byKey);
        LinkReader linkReader = new LinkReader(context);
        List<SupportedLink> links = new ArrayList<>(linkReader.readLinks(top.list("links")));
        links.addAll(linkReader.readRules(top.list("rules")));
        List<SeedMapping> seedMap = readSeedMap(top.list("seedMap"), context);
        requireEveryNoteUsed(notePositions, catalogNotes, components, links);
        return new Catalog(catalogNotes, groups, components, links, seedMap);
    }

    /** A note nobody refers to is a seed statement the console would never show: most likely a typo'd reference. */
    private static void requireEveryNoteUsed(Map<String, Position> notes, List<Note> catalogNotes,
                                             List<Component> components, List<SupportedLink> links) {
        Set<String> used = new HashSet<>();
        catalogNotes.forEach(n -> used.add(n.id()));
        components.forEach(c -> c.notes().forEach(n -> used.add(n.id())));
        links.forEach(l -> l.notes().forEach(n -> used.add(n.id())));
        notes.forEach((id, at) -> {
            if (!used.contains(id)) {
                throw new CatalogException(at, "note '" + id + "' is not used by any component, link or rule, "
                        + "nor listed in catalogNotes");
            }
        });
    }

    private static Map<String, Note> readNotes(List<YamlNode> nodes, Map<String, Position> positions) {
        Map<String, Note> notes = new LinkedHashMap<>();
        for (YamlNode node : nodes) {
            Fields f = Fields.of(node, "a note", "id", "kind", "text", "source");
            Scalar id = f.text("id");
            Scalar kind = f.text("kind");
            NoteKind noteKind = Arrays.stream(NoteKind.values()).filter(k -> k.name().equals(kind.text()))
                    .findFirst().orElseThrow(() -> new CatalogException(kind.position(), "note '" + id.text()
                            + "' has unknown kind '" + kind.text() + "'; expected one of "
                            + Arrays.toString(NoteKind.values())));
            if (notes.containsKey(id.text())) {
                throw new CatalogException(id.position(), "duplicate note id '" + id.text() + "'");
            }
            positions.put(id.text(), id.position());
            notes.put(id.text(), new Note(id.text(), noteKind, f.text("text").text(), f.text("source").text()));
        }
        return notes;
    }

    private static List<ComponentGroup> readGroups(List<YamlNode> nodes, Set<String> names) {
        List<ComponentGroup> groups = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlNode node : nodes) {
            Fields f = Fields.of(node, "a group", "name", "description");
            Scalar name = f.text("name");
            if (!keys.add(Catalog.key(name.text()))) {
                throw new CatalogException(name.position(), "duplicate group '" + name.text() + "'");
            }
            names.add(name.text());
            groups.add(new ComponentGroup(name.text(), f.text("description").text()));
        }
        return groups;
    }

    private static Component readComponent(YamlNode node, LoaderContext context, Map<String, Component> byKey) {
        Fields f = Fields.of(node, "a component",
                "name", "group", "aliases", "traits", "autoDetect", "configFile", "notes", "source");
        Scalar name = f.text("name");
        String what = "component '" + name.text() + "'";
        Set<Trait> traits = EnumSet.noneOf(Trait.class);
        f.texts("traits").forEach(trait -> traits.add(context.trait(trait, what)));
        List<Scalar> aliases = f.texts("aliases");
        Component component = new Component(name.text(), context.group(f.text("group"), what),
                aliases.stream().map(Scalar::text).toList(), traits, f.flag("autoDetect"),
                f.optionalText("configFile").map(Scalar::text).orElse(null),
                context.notes(f.texts("notes"), what), f.text("source").text());
        List<Scalar> keys = new ArrayList<>(aliases);
        keys.add(0, name);
        for (Scalar key : keys) {
            Component clash = byKey.putIfAbsent(Catalog.key(key.text()), component);
            if (clash != null) {
                throw new CatalogException(key.position(), "'" + key.text() + "' of " + what
                        + " is already the name or an alias of component '" + clash.name() + "' (case-insensitive)");
            }
        }
        return component;
    }

    private static List<SeedMapping> readSeedMap(List<YamlNode> nodes, LoaderContext context) {
        List<SeedMapping> mappings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode node : nodes) {
            Fields f = Fields.of(node, "a seedMap entry", "seedText", "components", "reading");
            Scalar text = f.text("seedText");
            if (!seen.add(Catalog.key(text.text()))) {
                throw new CatalogException(text.position(), "duplicate seedMap entry '" + text.text() + "'");
            }
            List<Scalar> names = f.texts("components");
            if (names.isEmpty()) {
                throw new CatalogException(f.position(), "seedMap entry '" + text.text() + "' lists no components");
            }
            String what = "seedMap entry '" + text.text() + "'";
            mappings.add(new SeedMapping(text.text(),
                    names.stream().map(n -> context.component(n, what).name()).toList(),
                    f.optionalText("reading").map(Scalar::text).orElse("")));
        }
        return mappings;
    }
}
