package dev.tlsconsole.audit;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns before/after states into stable JSON text with secrets replaced by {@value #REDACTED}:
 * keys are sorted so equal states always serialise the same way.
 */
@Component
class AuditJson {

    static final String REDACTED = "[REDACTED]";

    /** Normalised key suffixes (lower case, no '-' or '_') whose values are never stored. */
    private static final Set<String> SECRET_SUFFIXES = Set.of(
            "password", "secret", "privatekey", "privatekeypem", "passphrase", "token", "keyencryptionkey", "credentials");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    String toJson(Object state) {
        if (state == null) {
            return null;
        }
        JsonNode tree = state instanceof String text ? mapper.readTree(text) : mapper.valueToTree(state);
        return mapper.writeValueAsString(sorted(redact(tree)));
    }

    JsonNode parse(String json) {
        return json == null ? null : mapper.readTree(json);
    }

    static boolean isSecretKey(String key) {
        String normalised = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return SECRET_SUFFIXES.stream().anyMatch(normalised::endsWith);
    }

    private static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.properties().forEach(entry -> copy.set(entry.getKey(),
                    isSecretKey(entry.getKey()) && !entry.getValue().isNull()
                            ? JsonNodeFactory.instance.stringNode(REDACTED)
                            : redact(entry.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(redact(element)));
            return copy;
        }
        return node;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.properties().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(entry -> copy.set(entry.getKey(), sorted(entry.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
