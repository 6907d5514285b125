package dev.tlsconsole.topology.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The conflict panel of a stale save: for each field, what is stored now ("theirs", saved by someone
 * else meanwhile) next to what the user submitted ("yours", kept in the form), differences marked.
 */
public final class ConflictRows {

    private ConflictRows() {
    }

    /**
     * Rows for the fields of a form. {@code labels} maps field → message key; both maps use the same
     * field names; null values are shown as empty.
     */
    public static List<ConflictRow> ofFields(Map<String, String> labels, Map<String, String> theirs,
            Map<String, String> yours) {
        List<ConflictRow> rows = new ArrayList<>();
        labels.forEach((field, label) -> rows.add(new ConflictRow(field, label, theirs.get(field), yours.get(field))));
        return rows;
    }

    /** Rows for an option section or transport: one per option name present on either side. */
    public static List<ConflictRow> ofOptions(Map<String, String> theirs, Map<String, String> yours) {
        Set<String> keys = new LinkedHashSet<>(theirs.keySet());
        keys.addAll(yours.keySet());
        List<ConflictRow> rows = new ArrayList<>();
        keys.forEach(key -> rows.add(new ConflictRow(key, null, theirs.get(key), yours.get(key))));
        return rows;
    }

    /** A field map with nulls kept (unlike {@code Map.of}). */
    public static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * One line of the panel: a form field (labelled by the message {@code labelKey}) or an option
     * (labelKey null: the option name is its own label).
     */
    public record ConflictRow(String field, String labelKey, String theirs, String yours) {

        public boolean differs() {
            return !Objects.equals(blankToNull(theirs), blankToNull(yours));
        }

        private static String blankToNull(String value) {
            return value == null || value.isEmpty() ? null : value;
        }
    }
}
