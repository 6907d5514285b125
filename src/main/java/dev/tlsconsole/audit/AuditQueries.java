package dev.tlsconsole.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.audit.AuditVerifier.Verification;
import tools.jackson.databind.JsonNode;

/** Reading and verifying the audit trail: ADMIN and AUDITOR only. */
@Service
public class AuditQueries {

    private final AuditEntryRepository entries;
    private final AuditVerifier verifier;
    private final AuditJson json;

    AuditQueries(AuditEntryRepository entries, AuditVerifier verifier, AuditJson json) {
        this.entries = entries;
        this.verifier = verifier;
        this.json = json;
    }

    /** An entry as the API returns it: before/after as JSON values, not strings. */
    public record AuditEntryView(Long id, Instant at, String actor, String sourceAddress, String action,
            String objectType, String objectId, String objectName, AuditOutcome outcome, String detail,
            JsonNode before, JsonNode after) {
    }

    /**
     * One screen of entries, found by keyset (entry ids are the chain's order), so that paging stays as
     * fast on the millionth entry as on the first. The cursors are the ids to continue from.
     */
    public record AuditSlice(List<AuditEntryView> items, boolean newestFirst, Long previousCursor, Long nextCursor) {
    }

    /** A page with a total count, for the API's list contract. */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public Page<AuditEntryView> search(AuditFilter filter, Pageable pageable) {
        return entries.findAll(filter.toSpecification(), pageable).map(this::view);
    }

    /**
     * A slice of the filtered trail. {@code cursor} null = the first screen; {@code forward} true moves
     * on in the sort order (older entries when newest first), false moves back.
     */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public AuditSlice browse(AuditFilter filter, boolean newestFirst, Long cursor, boolean forward, int size) {
        boolean descending = newestFirst == forward;
        Specification<AuditEntry> spec = filter.toSpecification();
        if (cursor != null) {
            spec = spec.and((root, query, cb) -> descending ? cb.lessThan(root.get("id"), cursor)
                    : cb.greaterThan(root.get("id"), cursor));
        }
        Sort sort = descending ? Sort.by(Sort.Direction.DESC, "id") : Sort.by(Sort.Direction.ASC, "id");
        List<AuditEntry> found = entries.findBy(spec, query -> query.sortBy(sort).limit(size + 1).all());
        boolean more = found.size() > size;
        List<AuditEntry> shown = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
        if (!forward) {
            Collections.reverse(shown);
        }
        List<AuditEntryView> items = shown.stream().map(this::view).toList();
        if (items.isEmpty()) {
            return new AuditSlice(items, newestFirst, null, null);
        }
        boolean hasPrevious = forward ? cursor != null : more;
        boolean hasNext = forward ? more : true;
        return new AuditSlice(items, newestFirst, hasPrevious ? items.get(0).id() : null,
                hasNext ? items.get(items.size() - 1).id() : null);
    }

    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public AuditEntryView get(long id) {
        return entries.findById(id).map(this::view).orElseThrow(() -> NotFoundException.of("Audit entry", id));
    }

    /** The object types and actions that occur, for the filter form's choices. */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public FilterChoices filterChoices() {
        return new FilterChoices(entries.objectTypes(), entries.actions());
    }

    /** Values offered by the filter form. */
    public record FilterChoices(List<String> objectTypes, List<String> actions) {
    }

    /** Walks the hash chain and names the first entry that was edited, inserted or deleted. */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public Verification verify() {
        return verifier.verify();
    }

    Optional<AuditEntry> entry(long id) {
        return entries.findById(id);
    }

    AuditEntryView view(AuditEntry e) {
        return new AuditEntryView(e.getId(), e.getAt(), e.getActor(), e.getSourceAddress(), e.getAction(),
                e.getObjectType(), e.getObjectId(), e.getObjectName(), e.getOutcome(), e.getDetail(),
                json.parse(e.getBefore()), json.parse(e.getAfter()));
    }
}
