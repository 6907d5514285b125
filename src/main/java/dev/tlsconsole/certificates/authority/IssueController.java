package dev.tlsconsole.certificates.authority;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.certificates.authority.AuthorityForms.CsrForm;
import dev.tlsconsole.certificates.authority.AuthorityForms.IssueForm;
import dev.tlsconsole.certificates.inventory.CertificateView;
import dev.tlsconsole.certificates.x509.CertificateUsage;
import dev.tlsconsole.certificates.x509.KeyAlgorithm;
import dev.tlsconsole.topology.host.HostReads;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;

/** Issuing from a console CA: for a subject and SANs, or by signing a pasted CSR. */
@Controller
@RequestMapping("/authorities/{id}")
class IssueController {

    static final String ISSUE_VIEW = "authorities/issue";
    static final String CSR_VIEW = "authorities/sign-csr";

    private final AuthorityReads authorities;
    private final IssuanceService issuance;
    private final HostReads hosts;

    IssueController(AuthorityReads authorities, IssuanceService issuance, HostReads hosts) {
        this.authorities = authorities;
        this.issuance = issuance;
        this.hosts = hosts;
    }

    @ModelAttribute
    void common(@PathVariable long id, Model model) {
        model.addAttribute("ca", authorities.get(id));
        model.addAttribute("hosts", hosts.names());
        model.addAttribute("usages", CertificateUsage.values());
        model.addAttribute("keyAlgorithms", KeyAlgorithm.values());
    }

    @GetMapping("/issue")
    String issueForm(@ModelAttribute("form") IssueForm form) {
        return ISSUE_VIEW;
    }

    @PostMapping("/issue")
    String issue(@PathVariable long id, @ModelAttribute("form") IssueForm form, BindingResult binding,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return ISSUE_VIEW;
        }
        return FormSubmission.of(binding).conflictAboveForm().submit(() -> issued(issuance.issue(id, form.command()), redirect), () -> ISSUE_VIEW);
    }

    @GetMapping("/sign-csr")
    String csrForm(@ModelAttribute("form") CsrForm form) {
        return CSR_VIEW;
    }

    @PostMapping("/sign-csr")
    String signCsr(@PathVariable long id, @ModelAttribute("form") CsrForm form, BindingResult binding,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return CSR_VIEW;
        }
        return FormSubmission.of(binding).conflictAboveForm().submit(() -> issued(issuance.signCsr(id, form.command()), redirect), () -> CSR_VIEW);
    }

    private static String issued(CertificateView certificate, RedirectAttributes redirect) {
        redirect.addFlashAttribute("success", "authorities.issuedFlash");
        redirect.addFlashAttribute("successArg", certificate.name());
        return ObjectLinks.redirect(ObjectLinks.certificate(certificate.id()));
    }
}
