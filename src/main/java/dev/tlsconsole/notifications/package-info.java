/**
 * Expiry and health notifications: channels (webhook, e-mail), the checks that find what to report
 * (certificates expiring or expired, CRLs going stale, connections turning F), the log of what was
 * sent, and the scheduled work that runs once across instances (ShedLock on the database).
 */
package dev.tlsconsole.notifications;
