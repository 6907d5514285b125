package dev.tlsconsole.resolution;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.web.DashboardContributor;
import dev.tlsconsole.web.DashboardPanel;
import dev.tlsconsole.web.DashboardTile;

/**
 * What an administrator looks at first: how many connections fail, and the breakdown by grade and
 * mode with the most frequent findings, each linking to the policies page filtered on it.
 */
@Component
class EffectiveDashboard implements DashboardContributor {

    private final EffectivePolicies policies;

    EffectiveDashboard(EffectivePolicies policies) {
        this.policies = policies;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<DashboardTile> tiles() {
        int failing = policies.statistics().grades().get(Grade.F);
        return List.of(new DashboardTile("policy.dashboard.failing", Integer.toString(failing), "policy.dashboard.failingNote",
                "/policies?grade=F", "x-octagon", "tile-failing", failing > 0 ? "danger" : "success"));
    }

    @Override
    public List<DashboardPanel> panels() {
        PolicyStatistics statistics = policies.statistics();
        return List.of(new DashboardPanel("resolution/fragments", statistics));
    }
}
