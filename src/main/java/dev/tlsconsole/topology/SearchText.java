package dev.tlsconsole.topology;

import java.util.Locale;

/** The {@code q} parameter of list pages and API lists: a case-insensitive "contains". */
public final class SearchText {

    /** The escape character of the patterns built here. */
    public static final char ESCAPE = '\\';

    private SearchText() {
    }

    public static boolean isBlank(String query) {
        return query == null || query.isBlank();
    }

    /** A LIKE pattern matching values that contain {@code query} (lower-cased, wildcards escaped). */
    public static String contains(String query) {
        String escaped = query.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
