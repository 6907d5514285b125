package dev.tlsconsole.audit;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    /** Keyset page of the chain in order, for verification without loading everything. */
    @Query("select e from AuditEntry e where e.id > :afterId order by e.id asc")
    List<AuditEntry> chainAfter(long afterId, Pageable page);
}
