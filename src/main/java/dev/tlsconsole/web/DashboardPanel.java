package dev.tlsconsole.web;

import java.util.Objects;

/**
 * A wider block on the dashboard, below the tiles, rendered by a feature's own template fragment —
 * for what one figure cannot say (a timeline, a short list).
 *
 * @param template the template holding the fragment, e.g. {@code certificates/dashboard}
 * @param fragment the fragment's name; it takes one parameter, {@code data}
 * @param data     what the fragment shows
 */
public record DashboardPanel(String template, String fragment, Object data) {

    public DashboardPanel {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(fragment, "fragment");
    }
}
