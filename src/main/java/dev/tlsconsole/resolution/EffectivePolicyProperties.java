package dev.tlsconsole.resolution;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.tlsconsole.policy.effective.TlsVersion;

/**
 * The resolution's settings ({@code console.policy.*}).
 *
 * @param expiryWarning  how long before it expires a certificate is reported as expiring
 * @param windowsMinimum lowest protocol the Windows hosts' OS settings allow (they override sec-protocol)
 * @param windowsMaximum highest protocol the Windows hosts' OS settings allow
 * @param refreshAfter   how old a cached resolution may get even when nothing changed: findings such as
 *                       "expiring" depend on the date, not only on the data
 */
@ConfigurationProperties("console.policy")
public record EffectivePolicyProperties(
        @DefaultValue("30d") Duration expiryWarning,
        @DefaultValue("TLSv12") TlsVersion windowsMinimum,
        @DefaultValue("TLSv13") TlsVersion windowsMaximum,
        @DefaultValue("5m") Duration refreshAfter) {
}
