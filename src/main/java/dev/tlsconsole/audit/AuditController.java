package dev.tlsconsole.audit;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tlsconsole.audit.AuditQueries.AuditEntryView;
import dev.tlsconsole.audit.AuditQueries.AuditSlice;

/** The audit review screens (ADMIN, AUDITOR): filtered list, entry detail with a diff, verify, export. */
@Controller
@RequestMapping("/audit")
class AuditController {

    static final String LIST_VIEW = "audit/list";
    static final String DETAIL_VIEW = "audit/detail";
    static final String VERIFY_VIEW = "audit/verify";
    private static final int PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final AuditExport export;
    private final List<AuditObjectLink> links;

    AuditController(AuditQueries queries, AuditExport export, List<AuditObjectLink> links) {
        this.queries = queries;
        this.export = export;
        this.links = links;
    }

    /** The filter form as typed (times as the {@code datetime-local} inputs send them, in UTC). */
    record FilterForm(String actor, String objectType, String objectId, String objectName, String action,
            String outcome, String from, String to) {
    }

    @GetMapping
    String list(FilterForm form, @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(required = false) Long cursor, @RequestParam(defaultValue = "next") String dir, Model model) {
        List<String> problems = new ArrayList<>();
        AuditFilter filter = toFilter(form, problems);
        boolean newestFirst = !"oldest".equals(sort);
        AuditSlice slice = problems.isEmpty()
                ? queries.browse(filter, newestFirst, cursor, !"prev".equals(dir), PAGE_SIZE)
                : new AuditSlice(List.of(), newestFirst, null, null);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("slice", slice);
        model.addAttribute("sort", newestFirst ? "newest" : "oldest");
        model.addAttribute("filterParameters", filter.asParameters());
        model.addAttribute("choices", queries.filterChoices());
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("filtered", !filter.asParameters().isEmpty());
        return LIST_VIEW;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        AuditEntryView entry = queries.get(id);
        model.addAttribute("entry", entry);
        model.addAttribute("rows", AuditDiff.between(entry.before(), entry.after()));
        model.addAttribute("objectPath", objectPath(entry).orElse(null));
        return DETAIL_VIEW;
    }

    @GetMapping("/verify")
    String verify(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("verification", queries.verify());
        return htmx != null ? VERIFY_VIEW + " :: result" : VERIFY_VIEW;
    }

    @GetMapping("/export.csv")
    void exportCsv(FilterForm form, HttpServletResponse response) throws IOException {
        List<String> problems = new ArrayList<>();
        AuditFilter filter = toFilter(form, problems);
        if (!problems.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        export.write(filter, response);
    }

    private Optional<String> objectPath(AuditEntryView entry) {
        if (entry.objectType() == null) {
            return Optional.empty();
        }
        return links.stream().filter(link -> link.objectType().code().equals(entry.objectType())).findFirst()
                .flatMap(link -> link.path(entry.objectId(), entry.objectName()));
    }

    private static AuditFilter toFilter(FilterForm form, List<String> problems) {
        AuditOutcome outcome = null;
        if (form.outcome() != null && !form.outcome().isBlank()) {
            try {
                outcome = AuditOutcome.valueOf(form.outcome().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("audit.filter.badOutcome");
            }
        }
        Instant from = time(form.from(), "audit.filter.badFrom", problems);
        Instant to = time(form.to(), "audit.filter.badTo", problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("audit.filter.badRange");
        }
        return new AuditFilter(form.actor(), form.objectType(), form.objectId(), form.objectName(), form.action(),
                outcome, from, to);
    }

    /** Accepts the browser's {@code 2026-11-27T10:15} (read as UTC) or a full ISO instant. */
    private static Instant time(String text, String problem, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.endsWith("Z") ? Instant.parse(text.strip()) : LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(problem);
            return null;
        }
    }
}
