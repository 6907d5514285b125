package dev.tlsconsole.certificates.authority;

import java.util.Map;
import java.util.function.Supplier;

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

import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityForms.NewAuthorityForm;
import dev.tlsconsole.certificates.authority.AuthorityForms.SettingsForm;
import dev.tlsconsole.certificates.crl.CrlDownload;
import dev.tlsconsole.certificates.x509.KeyAlgorithm;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;

/** The CA screens: list, create (root or intermediate), a CA's page with its CRLs and settings. */
@Controller
@RequestMapping("/authorities")
class AuthorityController {

    private final AuthorityService authorities;
    private final AuthorityReads reads;
    private final AuthorityPages pages;

    AuthorityController(AuthorityService authorities, AuthorityReads reads, AuthorityPages pages) {
        this.authorities = authorities;
        this.reads = reads;
        this.pages = pages;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("keyAlgorithms")
    KeyAlgorithm[] keyAlgorithms() {
        return KeyAlgorithm.values();
    }

    @GetMapping
    String list(Model model) {
        return pages.list(model);
    }

    @GetMapping("/new")
    String newAuthority(@ModelAttribute("form") NewAuthorityForm form, @RequestParam(required = false) String parent,
            Model model) {
        form.setParent(parent);
        Map<String, Integer> defaults = pages.newForm(model);
        if (parent != null && defaults.containsKey(parent)) {
            form.setValidityDays(defaults.get(parent));
        }
        return AuthorityPages.NEW_VIEW;
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") NewAuthorityForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Supplier<String> page = () -> {
            pages.newForm(model);
            return AuthorityPages.NEW_VIEW;
        };
        if (binding.hasErrors()) {
            return page.get();
        }
        return FormSubmission.of(binding).submit(() -> {
            AuthorityView created = authorities.create(form.command());
            redirect.addFlashAttribute("success", "authorities.created");
            redirect.addFlashAttribute("successArg", created.name());
            return ObjectLinks.redirect(ObjectLinks.authority(created.id()));
        }, page);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        AuthorityView ca = reads.get(id);
        model.addAttribute("settingsForm", SettingsForm.of(ca));
        return pages.detail(ca, model);
    }

    @PostMapping("/{id}/settings")
    String update(@PathVariable long id, @ModelAttribute("settingsForm") SettingsForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Supplier<String> page = () -> pages.detail(reads.get(id), model);
        if (binding.hasErrors()) {
            return page.get();
        }
        return FormSubmission.of(binding).onConflict(e -> {
            if (e.details().get("current") instanceof AuthorityView current) {
                model.addAttribute("conflict", current);
                form.setVersion(current.version());
            } else {
                binding.reject("conflict", e.getMessage());
            }
        }).submit(() -> {
            AuthorityView updated = authorities.update(id, form.command());
            redirect.addFlashAttribute("success", "authorities.updated");
            redirect.addFlashAttribute("successArg", updated.name());
            return ObjectLinks.redirect(ObjectLinks.authority(id));
        }, page);
    }

    @PostMapping("/{id}/crl")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        AuthorityView ca = authorities.publishCrl(id);
        redirect.addFlashAttribute("success", "authorities.crlPublished");
        redirect.addFlashAttribute("successArg", ca.lastCrlNumber());
        return "redirect:/authorities/" + id;
    }

    /** The latest CRL, DER or {@code ?format=pem}. */
    @GetMapping("/{id}/crl")
    ResponseEntity<byte[]> crl(@PathVariable long id, @RequestParam(required = false) String format) {
        return CrlDownload.of(reads.latestCrl(id), format, "authority-" + id);
    }
}
