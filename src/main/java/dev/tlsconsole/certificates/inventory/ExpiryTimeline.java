package dev.tlsconsole.certificates.inventory;

import java.util.List;
import java.util.Map;

/**
 * What the dashboard's expiry panel shows: how many certificates fall in each band, the next ones to
 * expire, and a mark per certificate on a {@value #HORIZON_DAYS}-day axis.
 *
 * @param counts  certificates per band now
 * @param next    the certificates that expire next (not yet expired), soonest first
 * @param markers one per certificate expiring within the horizon, at its day on the axis
 */
public record ExpiryTimeline(Map<ExpiryBand, Long> counts, List<CertificateView> next, List<Marker> markers) {

    /** How far ahead the axis reaches. */
    public static final int HORIZON_DAYS = 90;

    /**
     * @param x     position on the axis, 0 … 100 (percent of the horizon)
     * @param tone  Bootstrap colour of the certificate's band
     * @param notAfter when it expires (the dashboard chart's time axis)
     */
    public record Marker(double x, String tone, String label, long certificateId, java.time.Instant notAfter) {
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Where the 7- and 30-day boundaries sit on the axis, in percent. */
    public double weekX() {
        return 100.0 * 7 / HORIZON_DAYS;
    }

    public double monthX() {
        return 100.0 * 30 / HORIZON_DAYS;
    }
}
