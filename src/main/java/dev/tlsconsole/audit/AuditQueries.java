package dev.tlsconsole.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/** Reading and verifying the audit trail: ADMIN and AUDITOR only. */
@Service
public class AuditQueries {

    private static final int VERIFY_BATCH = 1000;

    private final AuditEntryRepository entries;
    private final AuditChainHeadRepository heads;
    private final AuditJson json;

    AuditQueries(AuditEntryRepository entries, AuditChainHeadRepository heads, AuditJson json) {
        this.entries = entries;
        this.heads = heads;
        this.json = json;
    }

    /** Filters of the audit list; every field is optional. */
    public record AuditFilter(String actor, String objectType, String objectName, String action, AuditOutcome outcome,
            Instant from, Instant to) {
    }

    /** An entry as the API returns it: before/after as JSON values, not strings. */
    public record AuditEntryView(Long id, Instant at, String actor, String sourceAddress, String action,
            String objectType, String objectId, String objectName, AuditOutcome outcome, String detail,
            JsonNode before, JsonNode after) {
    }

    /** The result of walking the chain. */
    public record Verification(boolean valid, long checked, Long firstBrokenEntryId, String problem) {
    }

    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public Page<AuditEntryView> search(AuditFilter filter, Pageable pageable) {
        return entries.findAll(matching(filter), pageable).map(this::view);
    }

    /**
     * Recomputes every hash in chain order and checks each entry points at its predecessor, that ids
     * have no gaps, and that the chain ends where the head row says. Names the first broken entry.
     */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public Verification verify() {
        String expectedPrevious = AuditHasher.GENESIS;
        long expectedId = 1;
        long checked = 0;
        List<AuditEntry> batch = entries.chainAfter(0, PageRequest.of(0, VERIFY_BATCH));
        while (!batch.isEmpty()) {
            for (AuditEntry entry : batch) {
                if (entry.getId() != expectedId) {
                    return broken(checked, entry.getId(), "entry " + entry.getId() + " follows entry " + (expectedId - 1)
                            + ": " + (entry.getId() > expectedId ? "entries were deleted" : "an entry was inserted"));
                }
                if (!entry.getPreviousHash().equals(expectedPrevious)) {
                    return broken(checked, entry.getId(), "entry " + entry.getId()
                            + " does not point at its predecessor: an entry before it was changed, inserted or deleted");
                }
                if (!AuditHasher.hash(entry).equals(entry.getHash())) {
                    return broken(checked, entry.getId(), "entry " + entry.getId() + " was changed after it was written");
                }
                expectedPrevious = entry.getHash();
                expectedId++;
                checked++;
            }
            batch = entries.chainAfter(expectedId - 1, PageRequest.of(0, VERIFY_BATCH));
        }
        AuditChainHead head = heads.findById(AuditChainHead.ID).orElse(null);
        if (head != null && (head.lastId() != expectedId - 1 || !head.lastHash().equals(expectedPrevious))) {
            long firstMissing = Math.min(expectedId, head.lastId());
            return broken(checked, firstMissing, "the chain ends at entry " + (expectedId - 1)
                    + " but the head says " + head.lastId() + ": the last entries were deleted or altered");
        }
        return new Verification(true, checked, null, null);
    }

    private static Verification broken(long checked, long entryId, String problem) {
        return new Verification(false, checked, entryId, problem);
    }

    private AuditEntryView view(AuditEntry e) {
        return new AuditEntryView(e.getId(), e.getAt(), e.getActor(), e.getSourceAddress(), e.getAction(),
                e.getObjectType(), e.getObjectId(), e.getObjectName(), e.getOutcome(), e.getDetail(),
                json.parse(e.getBefore()), json.parse(e.getAfter()));
    }

    private static Specification<AuditEntry> matching(AuditFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (hasText(filter.actor())) {
                predicates.add(cb.equal(root.get("actor"), filter.actor().strip()));
            }
            if (hasText(filter.objectType())) {
                predicates.add(cb.equal(root.get("objectType"), filter.objectType().strip().toUpperCase(Locale.ROOT)));
            }
            if (hasText(filter.objectName())) {
                predicates.add(cb.equal(root.get("objectName"), filter.objectName().strip()));
            }
            if (hasText(filter.action())) {
                String action = filter.action().strip().toLowerCase(Locale.ROOT);
                predicates.add(action.endsWith(".") || action.endsWith("*")
                        ? cb.like(root.get("action"), action.replace("*", "") + "%")
                        : cb.equal(root.get("action"), action));
            }
            if (filter.outcome() != null) {
                predicates.add(cb.equal(root.get("outcome"), filter.outcome()));
            }
            if (filter.from() != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("at"), filter.from()));
            }
            if (filter.to() != null) {
                predicates.add(cb.lessThan(root.get("at"), filter.to()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
