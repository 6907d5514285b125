package dev.tlsconsole.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlsconsole.ConflictException;

/**
 * The 409 of a deletion that would leave something dangling: the message says what uses the object
 * and how to proceed; {@code usedBy} lists the dependents ({@code type}, {@code id}, {@code name}) so
 * tools and the UI can show them.
 */
public final class InUse {

    private InUse() {
    }

    public static ConflictException of(String message, List<Dependent> dependents) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("usedBy", dependents.stream().map(Dependent::asMap).toList());
        return new ConflictException(message, details);
    }

    /** One object that depends on the one being deleted. */
    public record Dependent(String type, long id, String name) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", type);
            map.put("id", id);
            map.put("name", name);
            return map;
        }
    }
}
