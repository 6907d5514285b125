package dev.tlsconsole.audit;

import java.time.Instant;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.audit.AuditQueries.AuditEntryView;
import dev.tlsconsole.audit.AuditQueries.AuditFilter;
import dev.tlsconsole.audit.AuditQueries.Verification;

@ApiController("/audit")
class AuditApiController {

    private final AuditQueries queries;

    AuditApiController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    PageResponse<AuditEntryView> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectName,
            @RequestParam(required = false) String action, @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @PageableDefault(size = 50, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInputException.of("from", "must be before 'to'");
        }
        return PageResponse.of(queries.search(new AuditFilter(actor, objectType, objectName, action, outcome, from, to),
                pageable));
    }

    @GetMapping("/verify")
    Verification verify() {
        return queries.verify();
    }
}
