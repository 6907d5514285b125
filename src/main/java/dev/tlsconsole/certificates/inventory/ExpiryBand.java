package dev.tlsconsole.certificates.inventory;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a certificate's notAfter falls, as the inventory colours it: expired, within 7 days, within 30
 * days, or later. The bands are fixed so that every screen and report uses the same words.
 */
public enum ExpiryBand {

    EXPIRED("dark"),
    WITHIN_7_DAYS("danger"),
    WITHIN_30_DAYS("warning"),
    OK("success");

    static final Duration WEEK = Duration.ofDays(7);
    static final Duration MONTH = Duration.ofDays(30);

    private final String tone;

    ExpiryBand(String tone) {
        this.tone = tone;
    }

    /** The band of a certificate expiring at {@code notAfter}, seen at {@code now}. */
    public static ExpiryBand of(Instant notAfter, Instant now) {
        if (notAfter.isBefore(now)) {
            return EXPIRED;
        }
        if (notAfter.isBefore(now.plus(WEEK))) {
            return WITHIN_7_DAYS;
        }
        return notAfter.isBefore(now.plus(MONTH)) ? WITHIN_30_DAYS : OK;
    }

    /** Bootstrap contextual colour of the band's badge. */
    public String tone() {
        return tone;
    }
}
