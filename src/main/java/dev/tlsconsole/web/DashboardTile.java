package dev.tlsconsole.web;

/**
 * One figure on the dashboard.
 *
 * @param labelKey message key of the label
 * @param value    the figure, already formatted
 * @param noteKey  message key of a short note under the figure (may be null)
 * @param link     where clicking the tile goes (may be null)
 * @param icon     Bootstrap Icons name, e.g. {@code people}
 * @param testId   {@code data-testid} of the tile
 * @param tone     Bootstrap contextual colour: {@code primary}, {@code success}, {@code warning}, {@code danger}, …
 */
public record DashboardTile(String labelKey, String value, String noteKey, String link, String icon, String testId,
        String tone) {
}
