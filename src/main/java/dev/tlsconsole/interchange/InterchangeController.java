package dev.tlsconsole.interchange;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.interchange.GenesysFiles.Upload;

import jakarta.servlet.http.HttpSession;

/**
 * The interchange screens: the Import page (upload → the plan with its impact → Apply, confirmed), the
 * archive download behind the Export buttons, and the printable runbook of a host. The uploaded files
 * wait in the session between the plan and the apply, so what is applied is what was planned.
 */
@Controller
class InterchangeController {

    static final String PENDING = InterchangeController.class.getName() + ".pending";

    private final InterchangeImport importer;
    private final GenesysExport export;
    private final Runbooks runbooks;
    private final ImportJobs jobs;
    private final MessageSource messages;
    private final ImportLimits limits;

    InterchangeController(InterchangeImport importer, GenesysExport export, Runbooks runbooks, ImportJobs jobs,
            MessageSource messages, ImportLimits limits) {
        this.limits = limits;
        this.jobs = jobs;
        this.messages = messages;
        this.importer = importer;
        this.export = export;
        this.runbooks = runbooks;
    }

    @GetMapping("/imports")
    String importPage(@RequestParam(required = false) String tooLarge, Model model) {
        if (tooLarge != null) {
            // UploadLimitFilter sent the form back: its files were over the limit, nothing was read
            model.addAttribute("error", "interchange.import.tooLarge");
            model.addAttribute("errorArg", ImportLimits.megabytes(limits.maxUploadSize()));
        }
        return "interchange/import";
    }

    /** The page's script refuses files over the limit before sending them (the server refuses them too). */
    @ModelAttribute("maxUpload")
    Map<String, Object> maxUpload() {
        return Map.of("bytes", limits.maxUploadSize().toBytes(), "text", ImportLimits.megabytes(limits.maxUploadSize()));
    }

    /** The dry run of the uploaded files: the plan, kept with the files for the apply. */
    @PostMapping("/imports")
    String plan(@RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean prune, Model model, HttpSession session) {
        List<Upload> uploads = InterchangeApiController.uploads(files);
        try {
            ImportPlan plan = importer.importGenesys(uploads, true, prune);
            session.setAttribute(PENDING, new Pending(new ArrayList<>(uploads), prune));
            model.addAttribute("plan", plan);
            model.addAttribute("prune", prune);
        } catch (InvalidInputException e) {
            session.removeAttribute(PENDING);
            model.addAttribute("problems", e.problems());
        }
        return "interchange/import";
    }

    /** Applies the files the plan was made from. */
    @PostMapping("/imports/apply")
    String apply(Model model, HttpSession session, RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending)) {
            redirect.addFlashAttribute("error", "interchange.import.nothingPending");
            return "redirect:/imports";
        }
        try {
            ImportPlan applied = importer.importGenesys(pending.uploads(), false, pending.prune());
            session.removeAttribute(PENDING);
            model.addAttribute("applied", applied);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return "interchange/import";
    }

    /**
     * The page's script starts the plan as a background job instead of posting the form, so that it can show
     * the progress of a large import; the answer names the job to poll.
     */
    @PostMapping("/imports/jobs")
    @ResponseBody
    Map<String, String> startPlan(@RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean prune, Principal user) {
        List<Upload> uploads = InterchangeApiController.uploads(files);
        return started(jobs.start(user.getName(), uploads, true, prune));
    }

    /** Applies, as a background job, the files the plan shown was made from. */
    @PostMapping("/imports/apply/jobs")
    @ResponseBody
    ResponseEntity<Map<String, String>> startApply(HttpSession session, Principal user) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message",
                    messages.getMessage("interchange.import.nothingPending", null,
                            LocaleContextHolder.getLocale())));
        }
        return ResponseEntity.ok(started(jobs.start(user.getName(), pending.uploads(), false, pending.prune())));
    }

    private static Map<String, String> started(ImportJobs.Job job) {
        return Map.of("id", job.id, "status", "/imports/jobs/" + job.id, "result", "/imports/jobs/" + job.id + "/result");
    }

    /** How far the job has got: polled by the page's progress bar. */
    @GetMapping("/imports/jobs/{id}")
    @ResponseBody
    ResponseEntity<Map<String, Object>> status(@PathVariable String id, Principal user) {
        return jobs.find(id, user.getName()).map(job -> {
            ImportProgress progress = job.progress;
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("phase", progress.phase().name());
            status.put("label", messages.getMessage("interchange.progress." + progress.phase().name(), null,
                    LocaleContextHolder.getLocale()));
            status.put("done", progress.doneCount());
            status.put("total", progress.total());
            status.put("percent", progress.percent());
            status.put("finished", job.finished);
            return ResponseEntity.ok(status);
        }).orElse(ResponseEntity.notFound().build());
    }

    /** The finished job on the Import page: its plan (kept with the files for the apply), what was applied, or the problems. */
    @GetMapping("/imports/jobs/{id}/result")
    String result(@PathVariable String id, Principal user, Model model, HttpSession session,
            RedirectAttributes redirect) {
        ImportJobs.Job job = jobs.find(id, user.getName()).filter(j -> j.finished).orElse(null);
        if (job == null) {
            redirect.addFlashAttribute("error", "interchange.import.nothingPending");
            return "redirect:/imports";
        }
        jobs.forget(job);
        if (job.problems != null) {
            if (job.dryRun) {
                session.removeAttribute(PENDING);
            }
            model.addAttribute("problems", job.problems);
        } else if (job.dryRun) {
            session.setAttribute(PENDING, new Pending(new ArrayList<>(job.uploads), job.prune));
            model.addAttribute("plan", job.plan);
            model.addAttribute("prune", job.prune);
        } else {
            session.removeAttribute(PENDING);
            model.addAttribute("applied", job.plan);
        }
        return "interchange/import";
    }

    /** The Export buttons: every host, or those named. */
    @GetMapping("/exports/genesys")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String hosts) {
        List<String> names = hosts == null ? List.of() : Arrays.stream(hosts.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return ResponseEntity.ok().contentType(InterchangeApiController.ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(names.size() == 1 ? "genesys-" + OptionFiles.fileName(names.get(0)) + ".zip" : "genesys.zip")
                        .build().toString())
                .body(export.export(names));
    }

    /** The printable runbook of a host. */
    @GetMapping("/hosts/{id}/runbook")
    String runbook(@PathVariable long id, Model model) {
        String text = runbooks.runbook(id);
        model.addAttribute("hostId", id);
        model.addAttribute("runbookTitle", text.lines().findFirst().orElse("").replaceFirst("^# ", ""));
        model.addAttribute("lines", text.lines().skip(1).toList());
        return "interchange/runbook";
    }

    /** Files waiting between their plan and the apply. */
    record Pending(List<Upload> uploads, boolean prune) implements java.io.Serializable {
    }
}
