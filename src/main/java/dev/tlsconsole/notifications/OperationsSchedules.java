package dev.tlsconsole.notifications;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityReads;
import dev.tlsconsole.certificates.authority.AuthorityService;
import dev.tlsconsole.notifications.ChannelCommands.RunResult;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The unattended work, each job under a ShedLock lock so that it runs on one instance only: the
 * notification checks (daily by default) and the re-publication of every console CA's CRL before
 * its nextUpdate. {@code lockAtLeastFor} keeps a second instance whose timer fires a little later
 * from running the same job again.
 */
@Component
public class OperationsSchedules {

    private static final Logger log = LoggerFactory.getLogger(OperationsSchedules.class);

    private final NotificationChecks checks;
    private final AuthorityService authorities;
    private final AuthorityReads authorityReads;
    private final NotificationsProperties properties;
    private final Clock clock;

    OperationsSchedules(NotificationChecks checks, AuthorityService authorities, AuthorityReads authorityReads,
            NotificationsProperties properties, Clock clock) {
        this.checks = checks;
        this.authorities = authorities;
        this.authorityReads = authorityReads;
        this.properties = properties;
        this.clock = clock;
    }

    /** The notification checks; the result, or null on an instance that did not get the lock. */
    @Scheduled(cron = "${console.notifications.expiry-cron:0 0 6 * * *}")
    @SchedulerLock(name = "notification-checks", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public RunResult notificationChecks() {
        return checks.runAsSystem();
    }

    /**
     * Publishes a fresh CRL for every console CA whose latest CRL reaches its nextUpdate within the
     * margin; the number published, or null on an instance that did not get the lock.
     */
    @Scheduled(cron = "${console.notifications.crl-cron:0 */30 * * * *}")
    @SchedulerLock(name = "crl-republication", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public Integer republishCrls() {
        return SystemAuthentication.call(() -> {
            Instant due = clock.instant().plus(properties.crlMargin());
            int published = 0;
            for (AuthorityView ca : authorityReads.list()) {
                if (ca.lastCrl() == null || ca.lastCrl().nextUpdate() == null || ca.lastCrl().nextUpdate().isBefore(due)) {
                    authorities.publishCrl(ca.id());
                    published++;
                }
            }
            if (published > 0) {
                log.info("Re-published the CRL of {} console CA(s) before their nextUpdate", published);
            }
            return published;
        });
    }
}
