package dev.tlsconsole.web;

/**
 * A block of the dashboard that is more than one figure (a table, a breakdown): the dashboard renders
 * {@code ~{template :: panel(data)}} with the contributor's {@code data}, so it still knows no feature.
 *
 * @param template the feature's fragments template, e.g. {@code resolution/fragments}
 * @param data     what its {@code panel(data)} fragment shows
 */
public record DashboardPanel(String template, Object data) {
}
