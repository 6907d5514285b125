package dev.tlsconsole.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.ApiFile;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.audit.AuditQueries.AuditEntryView;
import dev.tlsconsole.audit.AuditRetention.PurgeResult;
import dev.tlsconsole.audit.AuditVerifier.Verification;

@ApiController("/audit")
class AuditApiController {

    private final AuditQueries queries;
    private final AuditExport export;
    private final AuditRetention retention;

    AuditApiController(AuditQueries queries, AuditExport export, AuditRetention retention) {
        this.queries = queries;
        this.export = export;
        this.retention = retention;
    }

    /** Body of {@code POST /audit/purge}. */
    record PurgeRequest(Instant before) {
    }

    @Operation(operationId = "listAuditEntries")
    @GetMapping
    PageResponse<AuditEntryView> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String objectName, @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditOutcome outcome, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @PageableDefault(size = 50, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(queries.search(filter(actor, objectType, objectId, objectName, action, outcome, from, to),
                pageable));
    }

    /** The filtered trail as CSV, streamed in chain order (oldest first). */
    @Operation(operationId = "exportAuditCsv")
    @ApiFile({"text/csv"})
    @GetMapping("/export.csv")
    void exportCsv(@RequestParam(required = false) String actor, @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId, @RequestParam(required = false) String objectName,
            @RequestParam(required = false) String action, @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            HttpServletResponse response) throws IOException {
        export.write(filter(actor, objectType, objectId, objectName, action, outcome, from, to), response);
    }

    @Operation(operationId = "verifyAuditTrail")
    @GetMapping("/verify")
    Verification verify() {
        return queries.verify();
    }

    /** Removes entries written before {@code before}, leaving an anchor entry so the chain still verifies (ADMIN). */
    @Operation(operationId = "purgeAuditEntries")
    @PostMapping("/purge")
    PurgeResult purge(@RequestBody PurgeRequest request) {
        return retention.purge(request.before());
    }

    static AuditFilter filter(String actor, String objectType, String objectId, String objectName, String action,
            AuditOutcome outcome, Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInputException.of("from", "must be before 'to'");
        }
        return new AuditFilter(actor, objectType, objectId, objectName, action, outcome, from, to);
    }

    static Map<String, String> describe(AuditFilter filter) {
        return filter.asParameters();
    }
}
