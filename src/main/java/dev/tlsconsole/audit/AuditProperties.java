package dev.tlsconsole.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of the audit trail ({@code console.audit.*}).
 *
 * @param retention how long entries are kept; empty (the default) keeps them for ever
 * @param purgeCron when the daily purge of expired entries runs (server time zone)
 */
@ConfigurationProperties("console.audit")
public record AuditProperties(Duration retention, @DefaultValue("0 17 3 * * *") String purgeCron) {
}
