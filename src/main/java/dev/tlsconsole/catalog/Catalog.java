package dev.tlsconsole.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The supported-component matrix, immutable once loaded. Built only by {@link CatalogLoader}, which has
 * already checked that names are unique and every reference resolves, so lookups here cannot meet a
 * dangling name.
 */
public final class Catalog {

    private final List<Note> catalogNotes;
    private final List<ComponentGroup> groups;
    private final List<Component> components;
    private final List<SupportedLink> links;
    private final List<SeedMapping> seedMap;
    private final Map<String, Component> byKey;

    Catalog(List<Note> catalogNotes, List<ComponentGroup> groups, List<Component> components,
            List<SupportedLink> links, List<SeedMapping> seedMap) {
        this.catalogNotes = List.copyOf(catalogNotes);
        this.groups = List.copyOf(groups);
        this.components = List.copyOf(components);
        this.links = List.copyOf(links);
        this.seedMap = List.copyOf(seedMap);
        Map<String, Component> keys = new HashMap<>();
        for (Component component : components) {
            keys.put(key(component.name()), component);
            component.aliases().forEach(alias -> keys.put(key(alias), component));
        }
        this.byKey = Map.copyOf(keys);
    }

    /**
     * The lookup key of a name or alias: case-insensitive and blind to runs of spaces, because people type
     * "config server" and "Config  Server" for the same thing.
     */
    static String key(String nameOrAlias) {
        // Runs once per connection in the policy engine's hot path, hence a loop rather than a regex.
        StringBuilder key = new StringBuilder(nameOrAlias.length());
        boolean pendingSpace = false;
        for (char c : nameOrAlias.strip().toCharArray()) {
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                key.append(' ');
                pendingSpace = false;
            }
            key.append(c);
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /** The component with this name or alias, ignoring case. */
    public Optional<Component> find(@Nullable String nameOrAlias) {
        return nameOrAlias == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(nameOrAlias)));
    }

    /** Like {@link #find} but for input that must name a component: an unknown name is a client error. */
    public Component require(String nameOrAlias) {
        return find(nameOrAlias).orElseThrow(() -> new UnknownComponentException(nameOrAlias));
    }

    /** Notes that apply to the whole matrix (TLS type not specified, FIPS, protocol versions). */
    public List<Note> catalogNotes() {
        return catalogNotes;
    }

    /** Groups in display order. */
    public List<ComponentGroup> groups() {
        return groups;
    }

    /** All components, in file order (grouped as the file groups them). */
    public List<Component> components() {
        return components;
    }

    public List<Component> componentsIn(String group) {
        return components.stream().filter(c -> c.group().equals(group)).toList();
    }

    /** Explicit links and wildcard rules, explicit links first, each in file order. */
    public List<SupportedLink> links() {
        return links;
    }

    public List<SupportedLink> explicitLinks() {
        return links.stream().filter(l -> !l.wildcard()).toList();
    }

    public List<SupportedLink> wildcardRules() {
        return links.stream().filter(SupportedLink::wildcard).toList();
    }

    /**
     * The links a client {@code from} may use towards a server {@code to} (either may be null = any), for
     * {@code GET /catalog/links?from=&to=}. "Between" links count in both directions and wildcard rules count
     * when their selector covers the component.
     *
     * @throws UnknownComponentException when a given name is not in the catalog
     */
    public List<SupportedLink> linksFor(@Nullable String from, @Nullable String to) {
        Component client = from == null || from.isBlank() ? null : require(from);
        Component server = to == null || to.isBlank() ? null : require(to);
        return links.stream()
                .filter(l -> client == null || l.allowsClient(client))
                .filter(l -> server == null || l.allowsServer(server))
                .filter(l -> client == null || server == null || l.orient(client, server).isPresent())
                .toList();
    }

    /** How seed headings and garbled cells map to components (documentation, and the drift test's key). */
    public List<SeedMapping> seedMap() {
        return seedMap;
    }
}
