package dev.tlsconsole.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;

/**
 * Deletes old audit entries without breaking verification: the purge removes a prefix of the chain
 * and appends an anchor entry ({@code audit.purge}) recording the id and hash it cut at, which the
 * verifier uses as the new start of the chain. Runs daily when {@code console.audit.retention} is set;
 * an ADMIN may purge on demand.
 */
@Service
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditEntryRepository entries;
    private final AuditChainHeadRepository heads;
    private final AuditTrail trail;
    private final AuditProperties properties;
    private final Clock clock;

    AuditRetention(AuditEntryRepository entries, AuditChainHeadRepository heads, AuditTrail trail,
            AuditProperties properties, Clock clock) {
        this.entries = entries;
        this.heads = heads;
        this.trail = trail;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a purge did. */
    public record PurgeResult(long deleted, Long purgedThroughId, String cutHash) {
    }

    /** Deletes the entries written before {@code before} (ADMIN). */
    @PreAuthorize("hasRole('ADMIN')")
    @Audited(AuditAction.AUDIT_PURGE)
    @Transactional
    public PurgeResult purge(Instant before) {
        if (before == null) {
            throw InvalidInputException.of("before", "is required: entries written before this instant are deleted");
        }
        if (before.isAfter(clock.instant())) {
            throw InvalidInputException.of("before", "must not be in the future");
        }
        return purgeBefore(before, AuditTrail.currentActor(), true);
    }

    /** The daily purge of entries older than the configured retention (no-op when none is set). */
    @Scheduled(cron = "${console.audit.purge-cron:0 17 3 * * *}")
    @SchedulerLock(name = "audit-retention-purge", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    @Transactional
    public void purgeExpired() {
        if (properties.retention() == null || properties.retention().isZero() || properties.retention().isNegative()) {
            return;
        }
        PurgeResult result = purgeBefore(clock.instant().minus(properties.retention()), AuditTrail.SYSTEM, false);
        log.info("Audit retention purged {} entries", result.deleted());
    }

    /** {@code recordEmpty}: an on-demand purge is always recorded, a scheduled one only when it deleted something. */
    private PurgeResult purgeBefore(Instant before, String actor, boolean recordEmpty) {
        heads.lockHead().orElseThrow(() -> new IllegalStateException("audit_chain_head row is missing"));
        Long lastId = entries.lastIdBefore(before);
        Long firstId = entries.firstId();
        if (lastId == null || firstId == null || lastId < firstId) {
            if (recordEmpty) {
                trail.record(AuditRecord.of(AuditAction.AUDIT_PURGE, null, null, AuditOutcome.SUCCESS,
                        "no entries written before " + before, null, Map.of("deleted", 0, "before", before.toString())),
                        actor);
            }
            return new PurgeResult(0, null, null);
        }
        String cutHash = entries.findById(lastId).map(AuditEntry::getHash)
                .orElseThrow(() -> new IllegalStateException("entry " + lastId + " vanished during the purge"));
        int deleted = entries.deleteRange(firstId - 1, lastId);
        Map<String, Object> anchor = new LinkedHashMap<>();
        anchor.put("purgedThroughId", lastId);
        anchor.put("cutHash", cutHash);
        anchor.put("before", before.toString());
        anchor.put("deleted", deleted);
        trail.record(AuditRecord.of(AuditAction.AUDIT_PURGE, null, null, AuditOutcome.SUCCESS,
                "deleted " + deleted + " entries written before " + before, null, anchor), actor);
        return new PurgeResult(deleted, lastId, cutHash);
    }
}
