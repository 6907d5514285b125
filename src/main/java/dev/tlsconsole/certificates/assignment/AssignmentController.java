package dev.tlsconsole.certificates.assignment;

import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.certificates.inventory.BundleForm;
import dev.tlsconsole.certificates.inventory.CertificateInventory;
import dev.tlsconsole.certificates.inventory.CertificatePages;
import dev.tlsconsole.certificates.inventory.KeyExport;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;

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
    private final CertificatePages certificatePages;

    AssignmentController(AssignmentService assignments, CertificateUsages usages, DeploymentBundles bundles,
            ConnectionPolicies policies, CertificateInventory inventory, CertificatePages certificatePages) {
        this.certificatePages = certificatePages;
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
    String form(@ModelAttribute("assignForm") AssignForm form, Model model) {
        return page(form, model);
    }

    /**
     * The Preview: what would be written and which connections change; nothing is saved. A target the planner
     * refuses or cannot find is a problem of the target field.
     */
    @PostMapping("/assign/preview")
    String preview(@PathVariable long id, @ModelAttribute("assignForm") AssignForm form, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            return page(form, model);
        }
        return submission(binding).submit(() -> {
            model.addAttribute("preview", AssignmentView.of(assignments.preview(id, AssignmentChoices.target(form.getTarget()),
                    form.isCrl())));
            return page(form, model);
        }, () -> page(form, model));
    }

    @PostMapping("/assign")
    String assign(@PathVariable long id, @ModelAttribute("assignForm") AssignForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(form, model);
        }
        return submission(binding).submit(() -> {
            AssignmentView done = AssignmentView.of(assignments.assign(id, AssignmentChoices.target(form.getTarget()), form.isCrl()));
            redirect.addFlashAttribute("success", "assignment.done");
            redirect.addFlashAttribute("successArg", done.target().name());
            return ObjectLinks.redirect(ObjectLinks.certificate(id));
        }, () -> page(form, model));
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

    /** The deployment files with the key (ADMIN, audited), or the certificate's page again with what to fix. */
    @PostMapping("/bundle")
    Object bundleWithKey(@PathVariable long id, @ModelAttribute("bundleForm") BundleForm form, BindingResult binding, Model model) {
        String password = form.getPassword();
        // passwords are never sent back to the browser
        form.setPassword(null);
        if (binding.hasErrors()) {
            return certificatePages.detail(id, model);
        }
        return FormSubmission.of(binding).conflictAboveForm().submit(
                () -> download(bundles.withKey(id, format(form.getFormat()), password, form.isLegacy())),
                () -> certificatePages.detail(id, model));
    }

    /** The problems of the target go next to its field, whatever part of it (type, name, port) they name. */
    private static FormSubmission submission(BindingResult binding) {
        return FormSubmission.of(binding).notFoundAt("target")
                .onInvalid(e -> e.problems().forEach(problem -> binding.rejectValue("target", "invalid", problem.message())))
                .conflictAboveForm();
    }

    /** A bundle format by name; blank is left to the service, which asks for one. */
    private static DeploymentBundles.Format format(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return DeploymentBundles.Format.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("format", "choose ZIP or PKCS12");
        }
    }

    private String page(AssignForm form, Model model) {
        model.addAttribute("choices", AssignmentChoices.of(policies.current().topology()));
        model.addAttribute("target", form.getTarget());
        model.addAttribute("crl", form.isCrl());
        return VIEW;
    }

    private static ResponseEntity<byte[]> download(KeyExport.ExportedFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }
}
