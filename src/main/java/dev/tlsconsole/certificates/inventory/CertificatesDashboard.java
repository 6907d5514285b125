package dev.tlsconsole.certificates.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.tlsconsole.web.DashboardContributor;
import dev.tlsconsole.web.DashboardPanel;
import dev.tlsconsole.web.DashboardTile;

/**
 * The certificates on the dashboard: a tile with the total (coloured by the worst band) and the expiry
 * timeline — counts per band, a 90-day axis, the next expiries — each linking into the inventory.
 */
@Component
class CertificatesDashboard implements DashboardContributor {

    private static final int NEXT = 8;

    private final CertificateInventory inventory;
    private final Clock clock;

    CertificatesDashboard(CertificateInventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public List<DashboardTile> tiles() {
        Map<ExpiryBand, Long> counts = inventory.bandCounts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long attention = counts.get(ExpiryBand.EXPIRED) + counts.get(ExpiryBand.WITHIN_7_DAYS) + counts.get(ExpiryBand.WITHIN_30_DAYS);
        String tone = counts.get(ExpiryBand.EXPIRED) + counts.get(ExpiryBand.WITHIN_7_DAYS) > 0 ? "danger"
                : counts.get(ExpiryBand.WITHIN_30_DAYS) > 0 ? "warning" : "secondary";
        return List.of(new DashboardTile("dashboard.certificates", Long.toString(total),
                attention > 0 ? "dashboard.certificates.attention" : null, "/certificates", "patch-check", "tile-certificates", tone));
    }

    @Override
    public List<DashboardPanel> panels() {
        Map<ExpiryBand, Long> counts = inventory.bandCounts();
        List<CertificateView> upcoming = inventory.nextExpiries(200);
        Instant now = clock.instant();
        List<ExpiryTimeline.Marker> markers = upcoming.stream()
                .filter(c -> c.daysLeft() <= ExpiryTimeline.HORIZON_DAYS)
                .map(c -> new ExpiryTimeline.Marker(x(c, now), c.expiryBand().tone(), c.name(), c.id(), c.notAfter()))
                .toList();
        return List.of(new DashboardPanel("certificates/dashboard",
                new ExpiryTimeline(counts, upcoming.stream().limit(NEXT).toList(), markers)));
    }

    /** Position on the axis with hour precision, so certificates expiring the same day do not hide each other. */
    private static double x(CertificateView certificate, Instant now) {
        double hours = Math.max(0, Duration.between(now, certificate.notAfter()).toHours());
        return Math.min(100.0, 100.0 * hours / (ExpiryTimeline.HORIZON_DAYS * 24.0));
    }
}
