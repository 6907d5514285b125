package dev.tlsconsole.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.tlsconsole.web.CurrentUser;
import dev.tlsconsole.web.DashboardContributor;
import dev.tlsconsole.web.DashboardTile;

/** The size of the audit trail and today's denials, for auditors and administrators. */
@Component
class AuditDashboard implements DashboardContributor {

    private final AuditEntryRepository entries;
    private final CurrentUser currentUser;

    AuditDashboard(AuditEntryRepository entries, CurrentUser currentUser) {
        this.entries = entries;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public List<DashboardTile> tiles() {
        if (!currentUser.hasRole("AUDITOR")) {
            return List.of();
        }
        return List.of(new DashboardTile("dashboard.audit", Long.toString(entries.count()), "dashboard.audit.note",
                "/audit", "journal-text", "tile-audit", "secondary"));
    }
}
