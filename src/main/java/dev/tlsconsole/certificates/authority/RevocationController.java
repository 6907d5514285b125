package dev.tlsconsole.certificates.authority;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.certificates.inventory.CertificateView;

/** The revoke form of a certificate's page (confirmed in the browser before it is sent). */
@Controller
class RevocationController {

    private final RevocationService revocation;

    RevocationController(RevocationService revocation) {
        this.revocation = revocation;
    }

    @PostMapping("/certificates/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            CertificateView revoked = revocation.revoke(id, reason);
            redirect.addFlashAttribute("success", "certificates.revokedFlash");
            redirect.addFlashAttribute("successArg", revoked.name());
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", "certificates.error");
            redirect.addFlashAttribute("errorArg", e.getMessage());
        }
        return "redirect:/certificates/" + id;
    }
}
