package dev.tlsconsole.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    /** Keyset page of the chain in order, for verification without loading everything. */
    @Query("select e from AuditEntry e where e.id > :afterId order by e.id asc")
    List<AuditEntry> chainAfter(long afterId, Pageable page);

    @Query("select min(e.id) from AuditEntry e")
    Long firstId();

    /** The purge anchors, newest first: each names the last entry a purge removed. */
    @Query("select e from AuditEntry e where e.action = 'audit.purge' and e.outcome = dev.tlsconsole.audit.AuditOutcome.SUCCESS order by e.id desc")
    List<AuditEntry> purgeAnchors(Pageable page);

    /** The newest entry written before {@code cutoff} (the last one a purge would remove). */
    @Query("select max(e.id) from AuditEntry e where e.at < :cutoff")
    Long lastIdBefore(Instant cutoff);

    @Modifying
    @Query("delete from AuditEntry e where e.id <= :lastId and e.id > :afterId")
    int deleteRange(long afterId, long lastId);

    @Query("select distinct e.objectType from AuditEntry e where e.objectType is not null order by e.objectType")
    List<String> objectTypes();

    @Query("select distinct e.action from AuditEntry e order by e.action")
    List<String> actions();
}
