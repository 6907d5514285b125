package dev.tlsconsole.certificates.authority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityForms.NewAuthorityForm;
import dev.tlsconsole.certificates.crl.CrlReads;

/** Fills the models of the CA pages (list, New-CA form, detail), which several handlers render. */
@Component
class AuthorityPages {

    static final String LIST_VIEW = "authorities/list";
    static final String NEW_VIEW = "authorities/new";
    static final String DETAIL_VIEW = "authorities/detail";

    private final AuthorityReads reads;
    private final CrlReads crls;
    private final Clock clock;

    AuthorityPages(AuthorityReads reads, CrlReads crls, Clock clock) {
        this.reads = reads;
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

    /** The list of every console CA. */
    String list(Model model) {
        model.addAttribute("authorities", reads.list());
        return LIST_VIEW;
    }

    /** The New-CA form (expects {@code form} in the model); answers the validity proposed under each parent. */
    Map<String, Integer> newForm(Model model) {
        List<AuthorityView> parents = reads.list();
        Map<String, Integer> defaults = validityDefaults(parents, clock.instant());
        model.addAttribute("parents", parents);
        model.addAttribute("validityDefaults", defaults);
        model.addAttribute("rootValidityDays", NewAuthorityForm.DEFAULT_VALIDITY_DAYS);
        return defaults;
    }

    /** A CA's page with its latest CRLs (expects {@code settingsForm} in the model). */
    String detail(AuthorityView ca, Model model) {
        model.addAttribute("ca", ca);
        model.addAttribute("crls", crls.ofAuthority(ca.id(), PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "thisUpdate"))));
        return DETAIL_VIEW;
    }
}
