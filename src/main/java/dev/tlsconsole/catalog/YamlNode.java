package dev.tlsconsole.catalog;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * A parsed YAML value that remembers where it was written. Jackson's own tree ({@code JsonNode}) drops token
 * locations, and a catalog error that cannot name its line costs the editor a search through 1,000 lines, so
 * the loader reads Jackson's token stream into this small tree instead. It also rejects duplicate keys, which
 * YAML parsers otherwise resolve silently by keeping the last one.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    Position position();

    /** 1-based line and column in {@code origin}. */
    record Position(String origin, int line, int column) {
        @Override
        public String toString() {
            return origin + " line " + line + ", column " + column;
        }
    }

    /** A string, number or boolean, kept as written: "8.10" must not become the number 8.1. */
    record Scalar(String text, Position position) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    record Mapping(Map<String, Entry> entries, Position position) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** A mapping value together with where its key was written (errors about a key point at the key). */
    record Entry(Position keyPosition, YamlNode value) {
    }

    YAMLFactory FACTORY = new YAMLFactory();

    /** Parses one YAML document; any syntax error becomes a {@link CatalogException} with its location. */
    static YamlNode parse(Reader reader, String origin) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), reader)) {
            if (parser.nextToken() == null) {
                throw new CatalogException(new Position(origin, 1, 1), "the catalog file is empty");
            }
            return read(parser, origin);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            Position position = at == null ? new Position(origin, 1, 1)
                    : new Position(origin, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
            throw new CatalogException(position, "not valid YAML: " + summary(e.getOriginalMessage()));
        }
    }

    private static YamlNode read(JsonParser parser, String origin) {
        Position at = position(parser, origin);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                Position keyAt = position(parser, origin);
                parser.nextToken();
                Entry previous = entries.putIfAbsent(key, new Entry(keyAt, read(parser, origin)));
                if (previous != null) {
                    throw new CatalogException(keyAt, "duplicate key '" + key + "' (first written at line "
                            + previous.keyPosition().line() + ")");
                }
            }
            return new Mapping(entries, at);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, origin));
            }
            return new Sequence(items, at);
        }
        String text = token == JsonToken.VALUE_NULL ? "" : parser.getString();
        return new Scalar(text == null ? "" : text, at);
    }

    private static Position position(JsonParser parser, String origin) {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new Position(origin, location.getLineNr(), location.getColumnNr());
    }

    /** SnakeYAML's message echoes the source with a caret; keep only the sentences. */
    private static String summary(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }
}
