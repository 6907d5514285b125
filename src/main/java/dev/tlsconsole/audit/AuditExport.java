package dev.tlsconsole.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tlsconsole.SafeCsv;

/**
 * Streams the filtered trail as CSV in chain order, a batch at a time (keyset, one short read
 * transaction per batch), so an export of a million entries needs neither the memory nor a long
 * transaction. The export itself is recorded in the trail.
 */
@Service
public class AuditExport {

    static final String[] HEADER = {"id", "at", "actor", "sourceAddress", "action", "objectType", "objectId", "objectName",
            "outcome", "detail", "before", "after", "previousHash", "hash"};
    private static final int BATCH = 1000;

    private final AuditEntryRepository entries;
    private final AuditTrail trail;
    private final TransactionTemplate readOnly;

    AuditExport(AuditEntryRepository entries, AuditTrail trail, TransactionTemplate transactions) {
        this.entries = entries;
        this.trail = trail;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /** Writes the CSV to the response (headers included). ADMIN and AUDITOR. */
    @PreAuthorize("hasRole('AUDITOR')")
    public void write(AuditFilter filter, HttpServletResponse response) throws IOException {
        trail.recordSeparately(AuditRecord.of(AuditAction.AUDIT_EXPORT, null, null, AuditOutcome.SUCCESS,
                "CSV export", null, filter.asParameters()));
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        Writer writer = response.getWriter();
        try (SafeCsv csv = SafeCsv.open(writer, HEADER)) {
            long cursor = 0;
            while (true) {
                long after = cursor;
                Specification<AuditEntry> spec = filter.toSpecification()
                        .and((root, query, cb) -> cb.greaterThan(root.get("id"), after));
                List<AuditEntry> batch = readOnly.execute(status -> entries.findBy(spec,
                        query -> query.sortBy(Sort.by("id")).limit(BATCH).all()));
                if (batch == null || batch.isEmpty()) {
                    break;
                }
                for (AuditEntry e : batch) {
                    csv.printRecord(e.getId(), e.getAt(), e.getActor(), e.getSourceAddress(), e.getAction(),
                            e.getObjectType(), e.getObjectId(), e.getObjectName(), e.getOutcome(), e.getDetail(),
                            e.getBefore(), e.getAfter(), e.getPreviousHash(), e.getHash());
                }
                csv.flush();
                cursor = batch.get(batch.size() - 1).getId();
            }
        }
    }
}
