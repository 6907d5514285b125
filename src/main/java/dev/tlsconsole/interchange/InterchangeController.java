package dev.tlsconsole.interchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    InterchangeController(InterchangeImport importer, GenesysExport export, Runbooks runbooks) {
        this.importer = importer;
        this.export = export;
        this.runbooks = runbooks;
    }

    @GetMapping("/imports")
    String importPage() {
        return "interchange/import";
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
