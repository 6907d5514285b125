package dev.tlsconsole.certificates.inventory;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.certificates.Uploads;
import dev.tlsconsole.certificates.inventory.CertificateForms.ImportForm;
import dev.tlsconsole.web.FormErrors;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;

/** Importing a certificate: upload a file or paste PEM. */
@Controller
@RequestMapping("/certificates")
class CertificateImportController {

    static final String VIEW = "certificates/import";

    private final CertificateImport importer;

    CertificateImportController(CertificateImport importer) {
        this.importer = importer;
    }

    @GetMapping("/new")
    String form(@ModelAttribute("form") ImportForm form) {
        return VIEW;
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") ImportForm form, BindingResult binding, RedirectAttributes redirect) {
        byte[] file = form.getFile() == null || form.getFile().isEmpty() ? null : Uploads.bytes(form.getFile());
        CertificateUpload upload = new CertificateUpload(form.getName(), file, form.getPem(), form.getPrivateKeyPem(),
                form.getPassword());
        // a private key (or its password) is never sent back to the browser, not even the one just pasted;
        // cleared before any error is bound, as a rejected value would otherwise be shown again
        form.setPassword(null);
        form.setPrivateKeyPem(null);
        return FormSubmission.of(binding).onInvalid(e -> {
            // the form has one password box for a key and a PKCS#12 file alike
            List<FieldProblem> problems = e.problems().stream()
                    .map(p -> "keyPassword".equals(p.field()) ? new FieldProblem("password", p.message()) : p).toList();
            FormErrors.apply(new InvalidInputException(problems), binding);
        }).conflictAboveForm().submit(() -> {
            CertificateView created = importer.importCertificate(upload);
            redirect.addFlashAttribute("success", "certificates.imported");
            redirect.addFlashAttribute("successArg", created.name());
            return ObjectLinks.redirect(ObjectLinks.certificate(created.id()));
        }, () -> VIEW);
    }
}
