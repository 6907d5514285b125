package dev.tlsconsole.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification and schedule settings ({@code console.notifications.*}).
 *
 * @param allowPlainHttp  accept {@code http://} webhook URLs (a receiver on the same machine, tests)
 * @param timeout         connect and read timeout of one delivery attempt (webhook and SMTP)
 * @param attempts        delivery attempts before a message is logged as failed
 * @param backoff         wait before the second attempt; doubled before each further one
 * @param expiryCron      when the checks run (expiry, CRLs, connections): daily by default
 * @param crlCron         when the CRL re-publication looks at the console CAs
 * @param crlMargin       a console CA's CRL is re-published this long before its nextUpdate, and an
 *                        imported CRL this close to its nextUpdate is reported as going stale
 * @param baseUrl         the console's address as receivers reach it, for the links in messages
 */
@ConfigurationProperties("console.notifications")
public record NotificationsProperties(
        @DefaultValue("false") boolean allowPlainHttp,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("1s") Duration backoff,
        @DefaultValue("0 0 6 * * *") String expiryCron,
        @DefaultValue("0 */30 * * * *") String crlCron,
        @DefaultValue("1d") Duration crlMargin,
        @DefaultValue("https://localhost:8443") String baseUrl) {
}
