package dev.tlsconsole.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The before/after states of an entry side by side: both flattened to paths
 * ({@code security.tls}, {@code ports[0].number}) so each changed value gets its own row.
 */
public final class AuditDiff {

    /** How one value differs. */
    public enum Change { SAME, CHANGED, ADDED, REMOVED }

    /** One row of the side-by-side view. */
    public record Row(String path, String before, String after, Change change) {

        public boolean beforeRedacted() {
            return AuditJson.REDACTED.equals(before);
        }

        public boolean afterRedacted() {
            return AuditJson.REDACTED.equals(after);
        }
    }

    private AuditDiff() {
    }

    public static List<Row> between(JsonNode before, JsonNode after) {
        Map<String, String> left = flatten(before);
        Map<String, String> right = flatten(after);
        TreeSet<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        List<Row> rows = new ArrayList<>(paths.size());
        for (String path : paths) {
            String a = left.get(path);
            String b = right.get(path);
            Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED : a.equals(b) ? Change.SAME : Change.CHANGED;
            rows.add(new Row(path, a, b, change));
        }
        return rows;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && !node.isNull()) {
            flatten("", node, out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray() && !node.isEmpty() && containsContainers(node)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix.isEmpty() ? "(value)" : prefix, node.isString() ? node.asString() : node.toString());
        }
    }

    private static boolean containsContainers(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainer()) {
                return true;
            }
        }
        return false;
    }
}
