package dev.tlsconsole.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import dev.tlsconsole.catalog.YamlNode.Mapping;
import dev.tlsconsole.catalog.YamlNode.Position;
import dev.tlsconsole.catalog.YamlNode.Scalar;
import dev.tlsconsole.catalog.YamlNode.Sequence;

/**
 * Typed, located access to one YAML mapping of the catalog ("a link", "a component"): every accessor fails
 * with a {@link CatalogException} that names the entry kind, the key and the line, so the loader reads like
 * the schema and never has to build error positions by hand.
 */
final class Fields {

    private final Mapping mapping;
    private final String what;

    private Fields(Mapping mapping, String what) {
        this.mapping = mapping;
        this.what = what;
    }

    /** {@code node} must be a mapping with no keys outside {@code allowed}; a misspelt key is an error, not ignored. */
    static Fields of(YamlNode node, String what, String... allowed) {
        if (!(node instanceof Mapping mapping)) {
            throw new CatalogException(node.position(), what + " must be a mapping of keys to values");
        }
        Set<String> known = Set.of(allowed);
        mapping.entries().forEach((key, entry) -> {
            if (!known.contains(key)) {
                throw new CatalogException(entry.keyPosition(), "unknown key '" + key + "' in " + what
                        + "; expected one of " + new TreeSet<>(Arrays.asList(allowed)));
            }
        });
        return new Fields(mapping, what);
    }

    /** The items of a sequence (an absent value counts as empty). */
    static List<YamlNode> items(YamlNode node, String what) {
        if (node instanceof Sequence sequence) {
            return sequence.items();
        }
        throw new CatalogException(node.position(), what + " must be a list (one '- ' item per entry)");
    }

    /** The same mapping, described differently in errors once its name is known ("rule 'icon-servers'"). */
    Fields as(String description) {
        return new Fields(mapping, description);
    }

    Position position() {
        return mapping.position();
    }

    String what() {
        return what;
    }

    Optional<YamlNode> node(String key) {
        return Optional.ofNullable(mapping.entries().get(key)).map(YamlNode.Entry::value);
    }

    List<YamlNode> list(String key) {
        return node(key).map(n -> items(n, "'" + key + "' of " + what)).orElse(List.of());
    }

    /** A required, non-blank scalar. */
    Scalar text(String key) {
        return optionalText(key).orElseThrow(() ->
                new CatalogException(position(), what + " is missing '" + key + "'"));
    }

    Optional<Scalar> optionalText(String key) {
        return node(key).map(n -> scalar(n, key));
    }

    /** A scalar or a list of scalars; absent = empty. */
    List<Scalar> texts(String key) {
        return node(key).map(n -> n instanceof Sequence s
                ? s.items().stream().map(item -> scalar(item, key)).toList()
                : List.of(scalar(n, key))).orElse(List.of());
    }

    /** {@code true} or {@code false}; absent = false. */
    boolean flag(String key) {
        return optionalText(key).map(s -> switch (s.text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new CatalogException(s.position(),
                    "'" + key + "' of " + what + " must be true or false, not '" + s.text() + "'");
        }).orElse(false);
    }

    private Scalar scalar(YamlNode node, String key) {
        if (node instanceof Scalar scalar && !scalar.text().isBlank()) {
            return new Scalar(scalar.text().strip(), scalar.position());
        }
        throw new CatalogException(node.position(), "'" + key + "' of " + what + " must be a non-empty text");
    }
}
