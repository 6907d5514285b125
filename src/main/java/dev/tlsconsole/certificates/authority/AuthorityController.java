package dev.tlsconsole.certificates.authority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
import dev.tlsconsole.certificates.crl.CrlReads;
import dev.tlsconsole.certificates.x509.KeyAlgorithm;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;

/** The CA screens: list, create (root or intermediate), a CA's page with its CRLs and settings. */
@Controller
@RequestMapping("/authorities")
class AuthorityController {

    static final String LIST_VIEW = "authorities/list";
    static final String NEW_VIEW = "authorities/new";
    static final String DETAIL_VIEW = "authorities/detail";

    private final AuthorityService authorities;
    private final CrlReads crls;
    private final Clock clock;

    AuthorityController(AuthorityService authorities, CrlReads crls, Clock clock) {
        this.authorities = authorities;
        this.crls = crls;
        this.clock = clock;
    }

    /**
     * The validity the New-CA form proposes under each possible parent: the usual default, but never more whole
     * days than the parent has left — an intermediate may not outlive its CA, so the proposal must post as it is.
     */
    static Map<String, Integer> validityDefaults(List<AuthorityView> parents, Instant now) {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        for (AuthorityView parent : parents) {
            long left = Duration.between(now, parent.notAfter()).toDays();
            defaults.put(parent.name(), (int) Math.max(1, Math.min(NewAuthorityForm.DEFAULT_VALIDITY_DAYS, left)));
        }
        return defaults;
    }

    private Map<String, Integer> formModel(Model model) {
        List<AuthorityView> parents = authorities.list();
        Map<String, Integer> defaults = validityDefaults(parents, clock.instant());
        model.addAttribute("parents", parents);
        model.addAttribute("validityDefaults", defaults);
        model.addAttribute("rootValidityDays", NewAuthorityForm.DEFAULT_VALIDITY_DAYS);
        return defaults;
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
        model.addAttribute("authorities", authorities.list());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newAuthority(@ModelAttribute("form") NewAuthorityForm form, @RequestParam(required = false) String parent,
            Model model) {
        form.setParent(parent);
        Map<String, Integer> defaults = formModel(model);
        if (parent != null && defaults.containsKey(parent)) {
            form.setValidityDays(defaults.get(parent));
        }
        return NEW_VIEW;
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") NewAuthorityForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Supplier<String> page = () -> {
            formModel(model);
            return NEW_VIEW;
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
        AuthorityView ca = authorities.get(id);
        model.addAttribute("settingsForm", SettingsForm.of(ca));
        return detailPage(ca, model);
    }

    @PostMapping("/{id}/settings")
    String update(@PathVariable long id, @ModelAttribute("settingsForm") SettingsForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Supplier<String> page = () -> detailPage(authorities.get(id), model);
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
        return CrlDownload.of(authorities.latestCrl(id), format, "authority-" + id);
    }

    private String detailPage(AuthorityView ca, Model model) {
        model.addAttribute("ca", ca);
        model.addAttribute("crls", crls.ofAuthority(ca.id(), PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "thisUpdate"))));
        return DETAIL_VIEW;
    }
}
