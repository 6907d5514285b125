package dev.tlsconsole.security.accounts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.tlsconsole.web.CurrentUser;
import dev.tlsconsole.web.DashboardContributor;
import dev.tlsconsole.web.DashboardTile;

/** Users (for administrators) and the signed-in user's own API tokens. */
@Component
class AccountsDashboard implements DashboardContributor {

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    AccountsDashboard(AccountService accounts, ApiTokenService tokens, CurrentUser currentUser) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public List<DashboardTile> tiles() {
        List<DashboardTile> tiles = new ArrayList<>();
        if (currentUser.hasRole(Role.ADMIN.name())) {
            AccountService.AccountCounts counts = accounts.counts();
            tiles.add(new DashboardTile("dashboard.users", Long.toString(counts.total()),
                    counts.locked() > 0 ? "dashboard.users.locked" : null, "/users", "people", "tile-users",
                    counts.locked() > 0 ? "warning" : "secondary"));
        }
        if (currentUser.name() != null) {
            long active = tokens.list(currentUser.name()).stream().filter(t -> "ACTIVE".equals(t.status())).count();
            tiles.add(new DashboardTile("dashboard.tokens", Long.toString(active), null, "/account", "key",
                    "tile-tokens", "secondary"));
        }
        return tiles;
    }
}
