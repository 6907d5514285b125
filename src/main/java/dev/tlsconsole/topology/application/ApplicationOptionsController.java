package dev.tlsconsole.topology.application;

import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.PortView;
import dev.tlsconsole.topology.web.OptionsEditing;
import dev.tlsconsole.topology.web.OptionsForm;
import dev.tlsconsole.web.ObjectLinks;

/** The options editors of an application: its {@code [security]} section and each port's transport. */
@Controller
@RequestMapping("/applications/{id}")
class ApplicationOptionsController {

    private final ApplicationService applications;
    private final ApplicationReads reads;
    private final ApplicationPages pages;

    ApplicationOptionsController(ApplicationService applications, ApplicationReads reads, ApplicationPages pages) {
        this.applications = applications;
        this.reads = reads;
        this.pages = pages;
    }

    /** The editor's "add option" button: one more empty row, nothing saved. */
    @PostMapping(value = "/options", params = "op=add")
    String addSectionOption(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model) {
        ApplicationView current = reads.get(id);
        OptionsEditing.addRow(form);
        return pages.detail(current, model);
    }

    @PostMapping("/options")
    String saveSection(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        ApplicationView current = reads.get(id);
        return OptionsEditing.saveSection(form, binding, model, current.security(), current.version(),
                section -> OptionsEditing.saved(redirect, applications.updateSecurity(id, section, form.getVersion()).name(),
                        ObjectLinks.options(ObjectLinks.application(id))),
                () -> pages.detail(current, model));
    }

    @GetMapping("/annex")
    String annex(@PathVariable long id, Model model) {
        return pages.annex(reads.get(id), model);
    }

    /** The annex editor's "add option" button. */
    @PostMapping(value = "/annex", params = "op=add")
    String addAnnexOption(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model) {
        ApplicationView current = reads.get(id);
        OptionsEditing.addRow(form);
        return pages.annex(current, model);
    }

    /** The annex {@code [security]} section, saved like the options section. */
    @PostMapping("/annex")
    String saveAnnex(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        ApplicationView current = reads.get(id);
        return OptionsEditing.saveSection(form, binding, model, current.annex(), current.version(),
                section -> OptionsEditing.saved(redirect, applications.updateAnnex(id, section, form.getVersion()).name(),
                        ObjectLinks.options(ObjectLinks.applicationAnnex(id))),
                () -> pages.annex(current, model));
    }

    @GetMapping("/ports/{portId}")
    String port(@PathVariable long id, @PathVariable String portId, Model model) {
        ApplicationView application = reads.get(id);
        return pages.port(application, port(application, portId), model);
    }

    /** The port's transport editor: "add option", "text → fields", "fields → text" change only the form. */
    @PostMapping(value = "/ports/{portId}/options", params = "op=add")
    String addPortOption(@PathVariable long id, @PathVariable String portId,
            @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding, Model model) {
        return editPort(id, portId, model, () -> OptionsEditing.addRow(form));
    }

    @PostMapping(value = "/ports/{portId}/options", params = "op=parse")
    String portTextToRows(@PathVariable long id, @PathVariable String portId,
            @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding, Model model) {
        return editPort(id, portId, model, () -> OptionsEditing.textToRows(form, binding));
    }

    @PostMapping(value = "/ports/{portId}/options", params = "op=render")
    String portRowsToText(@PathVariable long id, @PathVariable String portId,
            @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding, Model model) {
        return editPort(id, portId, model, () -> OptionsEditing.rowsToText(form, binding));
    }

    /** The port's transport saved from the raw text. */
    @PostMapping(value = "/ports/{portId}/options", params = "op=save-text")
    String savePortText(@PathVariable long id, @PathVariable String portId, @ModelAttribute("optionsForm") OptionsForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return savePort(id, portId, form, binding, model, redirect, form::getTransport);
    }

    /** The port's transport saved from the rows. */
    @PostMapping("/ports/{portId}/options")
    String savePortRows(@PathVariable long id, @PathVariable String portId, @ModelAttribute("optionsForm") OptionsForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return savePort(id, portId, form, binding, model, redirect, () -> OptionsEditing.transport(form, binding));
    }

    private String editPort(long id, String portId, Model model, Runnable edit) {
        ApplicationView current = reads.get(id);
        PortView port = port(current, portId);
        edit.run();
        return pages.port(current, port, model);
    }

    /** Saves the transport {@code toSave} returns; null (with errors on the form) shows the page again. */
    private String savePort(long id, String portId, OptionsForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, Supplier<String> toSave) {
        ApplicationView current = reads.get(id);
        PortView port = port(current, portId);
        return OptionsEditing.saveTransport(toSave.get(), form, binding, model, port.transport(), current.version(),
                transport -> OptionsEditing.saved(redirect, applications.updatePortTransport(id, port.portId(), transport,
                        form.getVersion()).name() + ":" + port.portId(), ObjectLinks.port(id, port.portId())),
                () -> pages.port(current, port, model));
    }

    private static PortView port(ApplicationView application, String portId) {
        PortView port = application.port(portId);
        if (port == null) {
            throw NotFoundException.of("Port", application.name() + ":" + portId);
        }
        return port;
    }
}
