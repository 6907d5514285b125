package dev.tlsconsole.topology.web;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.tlsconsole.topology.TopologyQueries;
import dev.tlsconsole.web.DashboardContributor;
import dev.tlsconsole.web.DashboardTile;

/** The size of the topology, for every signed-in user. */
@Component
class TopologyDashboard implements DashboardContributor {

    private final TopologyQueries queries;

    TopologyDashboard(TopologyQueries queries) {
        this.queries = queries;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<DashboardTile> tiles() {
        TopologyQueries.Counts counts = queries.counts();
        return List.of(
                new DashboardTile("topology.dashboard.hosts", Long.toString(counts.hosts()), null, "/hosts", "hdd-rack",
                        "tile-hosts", "primary"),
                new DashboardTile("topology.dashboard.applications", Long.toString(counts.applications()), null,
                        "/applications", "boxes", "tile-applications", "primary"),
                new DashboardTile("topology.dashboard.connections", Long.toString(counts.connections()), null,
                        "/connections", "diagram-3", "tile-connections", "primary"));
    }
}
