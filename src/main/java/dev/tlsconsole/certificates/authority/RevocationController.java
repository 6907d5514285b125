package dev.tlsconsole.certificates.authority;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.certificates.inventory.CertificatePages;
import dev.tlsconsole.certificates.inventory.CertificateView;
import dev.tlsconsole.certificates.inventory.RevokeForm;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;

/**
 * The revoke form of a certificate's page (confirmed in the browser before it is sent): a reason the CA refuses
 * shows the page again with the problem next to the reason; a certificate that cannot be revoked (already revoked,
 * not issued here) goes back to its page saying why.
 */
@Controller
class RevocationController {

    private final RevocationService revocation;
    private final CertificatePages pages;

    RevocationController(RevocationService revocation, CertificatePages pages) {
        this.revocation = revocation;
        this.pages = pages;
    }

    @PostMapping("/certificates/{id}/revoke")
    String revoke(@PathVariable long id, @ModelAttribute("revokeForm") RevokeForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.of(binding).onRefusal(e -> {
            redirect.addFlashAttribute("error", "certificates.error");
            redirect.addFlashAttribute("errorArg", e.getMessage());
            return ObjectLinks.redirect(ObjectLinks.certificate(id));
        }).submitOrRefuse(() -> {
            CertificateView revoked = revocation.revoke(id, form.getReason());
            redirect.addFlashAttribute("success", "certificates.revokedFlash");
            redirect.addFlashAttribute("successArg", revoked.name());
            return ObjectLinks.redirect(ObjectLinks.certificate(id));
        }, () -> pages.detail(id, model));
    }
}
