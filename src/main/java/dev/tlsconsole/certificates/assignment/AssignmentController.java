package dev.tlsconsole.certificates.assignment;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.certificates.inventory.CertificateInventory;
import dev.tlsconsole.certificates.inventory.KeyExport;

/**
 * The assignment screen (pick a target, see the Preview of its impact on the connections, then assign),
 * the where-used block of a certificate's page, and the deployment bundle downloads.
 */
@Controller
@RequestMapping("/certificates/{id}")
class AssignmentController {

    static final String VIEW = "certificates/assign";
    static final String USAGES_FRAGMENT = "certificates/usages :: usages";

    private final AssignmentService assignments;
    private final CertificateUsages usages;
    private final DeploymentBundles bundles;
    private final ConnectionPolicies policies;
    private final CertificateInventory inventory;

    AssignmentController(AssignmentService assignments, CertificateUsages usages, DeploymentBundles bundles,
            ConnectionPolicies policies, CertificateInventory inventory) {
        this.assignments = assignments;
        this.usages = usages;
        this.bundles = bundles;
        this.policies = policies;
        this.inventory = inventory;
    }

    @ModelAttribute
    void common(@PathVariable long id, Model model) {
        model.addAttribute("cert", inventory.get(id));
    }

    @GetMapping("/assign")
    String form(@RequestParam(required = false) String target, Model model) {
        return page(target, false, model);
    }

    /** The Preview: what would be written and which connections change; nothing is saved. */
    @PostMapping("/assign/preview")
    String preview(@PathVariable long id, @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "false") boolean crl, Model model) {
        try {
            model.addAttribute("preview", AssignmentView.of(assignments.preview(id, AssignmentChoices.target(target), crl)));
        } catch (InvalidInputException | NotFoundException | ConflictException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return page(target, crl, model);
    }

    @PostMapping("/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "false") boolean crl, Model model, RedirectAttributes redirect) {
        try {
            AssignmentView done = AssignmentView.of(assignments.assign(id, AssignmentChoices.target(target), crl));
            redirect.addFlashAttribute("success", "assignment.done");
            redirect.addFlashAttribute("successArg", done.target().name());
            return "redirect:/certificates/" + id;
        } catch (InvalidInputException | NotFoundException | ConflictException e) {
            model.addAttribute("problem", e.getMessage());
            return page(target, crl, model);
        }
    }

    /** The where-used block, loaded into the certificate's page. */
    @GetMapping("/usages")
    String usages(@PathVariable long id, Model model) {
        model.addAttribute("usages", usages.of(id));
        return USAGES_FRAGMENT;
    }

    /** The deployment files without the key. */
    @GetMapping("/bundle")
    ResponseEntity<byte[]> bundle(@PathVariable long id) {
        return download(bundles.withoutKey(id));
    }

    /** The deployment files with the key (ADMIN, audited). */
    @PostMapping("/bundle")
    Object bundleWithKey(@PathVariable long id, @RequestParam(required = false) DeploymentBundles.Format format,
            @RequestParam(required = false) String password, @RequestParam(defaultValue = "false") boolean legacy,
            RedirectAttributes redirect) {
        try {
            return download(bundles.withKey(id, format, password, legacy));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", "certificates.error");
            redirect.addFlashAttribute("errorArg", e.getMessage());
            return "redirect:/certificates/" + id;
        }
    }

    private String page(String target, boolean crl, Model model) {
        model.addAttribute("choices", AssignmentChoices.of(policies.current().topology()));
        model.addAttribute("target", target);
        model.addAttribute("crl", crl);
        return VIEW;
    }

    private static ResponseEntity<byte[]> download(KeyExport.ExportedFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }
}
