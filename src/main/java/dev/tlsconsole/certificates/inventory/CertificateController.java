package dev.tlsconsole.certificates.inventory;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.certificates.inventory.CertificateForms.ExportForm;
import dev.tlsconsole.certificates.inventory.CertificateForms.RenameForm;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;
import dev.tlsconsole.SortableBy;

/** The inventory screens: the list with expiry bands, a certificate's page, and what can be done there. */
@Controller
@RequestMapping("/certificates")
class CertificateController {

    static final String LIST_VIEW = "certificates/list";

    private final CertificateInventory inventory;
    private final CertificateService certificates;
    private final KeyExport keyExport;
    private final CertificatePages pages;

    CertificateController(CertificateInventory inventory, CertificateService certificates, KeyExport keyExport,
            CertificatePages pages) {
        this.inventory = inventory;
        this.certificates = certificates;
        this.keyExport = keyExport;
        this.pages = pages;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) ExpiryBand band, @RequestParam(required = false) Boolean ca,
            @RequestParam(required = false) Long authority,
            @SortableBy({"name", "subject", "issuer", "notAfter", "notBefore", "createdAt", "serialNumber", "keyAlgorithm"}) @PageableDefault(size = 25, sort = "notAfter", direction = Sort.Direction.ASC) Pageable pageable, Model model) {
        CertificateFilter filter = new CertificateFilter(q, status, band, null, ca, authority);
        model.addAttribute("page", inventory.search(filter, pageable));
        model.addAttribute("filter", filter);
        model.addAttribute("bandCounts", inventory.bandCounts());
        model.addAttribute("bands", ExpiryBand.values());
        model.addAttribute("statuses", CertificateStatus.values());
        return LIST_VIEW;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return pages.detail(id, model);
    }

    /** The certificate (and with {@code chain=true} its chain) as a PEM download. */
    @GetMapping("/{id}/pem")
    ResponseEntity<String> pem(@PathVariable long id, @RequestParam(defaultValue = "false") boolean chain) {
        CertificateInventory.Pem pem = inventory.pem(id, chain);
        return ResponseEntity.ok().contentType(CertificateApiController.PEM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(KeyExport.fileName(pem.name()) + (chain ? "-chain" : "") + ".pem", StandardCharsets.UTF_8)
                        .build().toString())
                .body(pem.text());
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @ModelAttribute("renameForm") RenameForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.of(binding).onConflict(e -> {
            if (e.details().get("current") instanceof CertificateView current) {
                model.addAttribute("conflict", current);
                form.setVersion(current.version());
            } else {
                binding.reject("conflict", e.getMessage());
            }
        }).submit(() -> {
            CertificateView renamed = certificates.rename(id, form.getName(), form.getVersion());
            redirect.addFlashAttribute("success", "certificates.renamed");
            redirect.addFlashAttribute("successArg", renamed.name());
            return ObjectLinks.redirect(ObjectLinks.certificate(id));
        }, () -> pages.detail(id, model));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        String name = inventory.get(id).name();
        return FormSubmission.withoutForm().onRefusal(e -> {
            redirect.addFlashAttribute("error", "certificates.error");
            redirect.addFlashAttribute("errorArg", e.getMessage());
            return ObjectLinks.redirect(ObjectLinks.certificate(id));
        }).submit(() -> {
            certificates.delete(id);
            redirect.addFlashAttribute("success", "certificates.deleted");
            redirect.addFlashAttribute("successArg", name);
            return "redirect:/certificates";
        });
    }

    /** Key export (ADMIN): the file itself, or the page again with what to fix. */
    @PostMapping("/{id}/export-key")
    Object exportKey(@PathVariable long id, @ModelAttribute("exportForm") ExportForm form, BindingResult binding, Model model) {
        String password = form.getPassword();
        boolean confirmed = password == null || password.equals(form.getConfirmPassword());
        // passwords are never sent back to the browser
        form.setPassword(null);
        form.setConfirmPassword(null);
        Supplier<String> page = () -> pages.detail(id, model);
        if (!confirmed) {
            binding.rejectValue("confirmPassword", "mismatch", "the two passwords differ");
            return page.get();
        }
        return FormSubmission.of(binding).conflictAboveForm().submit(() -> CertificateApiController.download(
                keyExport.export(id, new KeyExport.Request(form.getFormat(), password, form.isLegacy()))), page);
    }
}
