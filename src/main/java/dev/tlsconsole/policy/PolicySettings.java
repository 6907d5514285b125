package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.TlsVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of a resolution. Time comes from {@code clock}, read once per resolution, so that
 * results are reproducible in tests and consistent across the connections of one run.
 *
 * @param expiryWarning  how long before notAfter a certificate is reported as expiring
 * @param windowsMinimum lowest protocol the Windows hosts' OS settings allow (they override sec-protocol)
 * @param windowsMaximum highest protocol the Windows hosts' OS settings allow
 */
public record PolicySettings(Clock clock, Duration expiryWarning, TlsVersion windowsMinimum, TlsVersion windowsMaximum) {

    public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(30);

    public PolicySettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(expiryWarning, "expiryWarning");
        Objects.requireNonNull(windowsMinimum, "windowsMinimum");
        Objects.requireNonNull(windowsMaximum, "windowsMaximum");
        if (expiryWarning.isNegative()) {
            throw new IllegalArgumentException("the expiry warning window cannot be negative");
        }
        if (windowsMinimum.compareTo(windowsMaximum) > 0) {
            throw new IllegalArgumentException("the Windows protocol range " + windowsMinimum + ".." + windowsMaximum + " is empty");
        }
    }

    /** 30-day expiry warning; Windows hosts allow TLSv12..TLSv13 (the current SChannel defaults). */
    public static PolicySettings defaults(Clock clock) {
        return new PolicySettings(clock, DEFAULT_EXPIRY_WARNING, TlsVersion.TLSv12, TlsVersion.TLSv13);
    }
}
