package dev.tlsconsole.topology.host;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.topology.host.HostCommands.HostView;
import dev.tlsconsole.topology.web.OptionsEditor;
import dev.tlsconsole.topology.web.OptionsForm;
import dev.tlsconsole.web.ObjectLinks;

/** Fills the models of the host pages (form, detail), which several handlers render. */
@Component
class HostPages {

    static final String FORM_VIEW = "topology/hosts/form";
    static final String DETAIL_VIEW = "topology/hosts/detail";

    private final HostReads reads;

    HostPages(HostReads reads) {
        this.reads = reads;
    }

    /** The form; {@code host} is null for a new one. Expects {@code form} in the model. */
    String form(Model model, HostView host) {
        if (host != null) {
            model.addAttribute("host", host);
        }
        return FORM_VIEW;
    }

    /** The detail page: the host, the applications running on it and its annex options in the editor. */
    String detail(HostView host, Model model) {
        if (!model.containsAttribute("optionsForm")) {
            model.addAttribute("optionsForm", OptionsForm.ofSection(host.security(), host.version()));
        }
        model.addAttribute("host", host);
        model.addAttribute("applications", reads.applications(host.id()));
        model.addAttribute("editor", OptionsEditor.of(Level.HOST, ObjectLinks.host(host.id()) + "/options"));
        return DETAIL_VIEW;
    }
}
