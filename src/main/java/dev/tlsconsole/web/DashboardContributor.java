package dev.tlsconsole.web;

import java.util.List;

/**
 * A feature's contribution to the dashboard. Each feature shows what exists so far, to the roles
 * allowed to see it; the dashboard itself knows no feature.
 */
public interface DashboardContributor {

    /** Order on the page: lower first. */
    int order();

    /** The tiles the current user may see (empty when none). */
    List<DashboardTile> tiles();

    /** Larger blocks shown under the tiles, for the current user (none by default). */
    default List<DashboardPanel> panels() {
        return List.of();
    }
}
