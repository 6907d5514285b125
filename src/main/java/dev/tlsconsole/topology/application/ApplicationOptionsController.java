package dev.tlsconsole.topology.application;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.PortView;
import dev.tlsconsole.topology.web.ConflictRows;
import dev.tlsconsole.topology.web.OptionsEditing;
import dev.tlsconsole.topology.web.OptionsForm;

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

    @PostMapping("/options")
    String saveSection(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            @RequestParam(defaultValue = "save") String op, Model model, RedirectAttributes redirect) {
        ApplicationView current = reads.get(id);
        if ("add".equals(op)) {
            form.getRows().add(new OptionsForm.OptionRow());
            return pages.detail(current, model);
        }
        Map<String, String> section = OptionsEditing.section(form, binding);
        if (section == null) {
            return pages.detail(current, model);
        }
        try {
            ApplicationView updated = applications.updateSecurity(id, section, form.getVersion());
            redirect.addFlashAttribute("success", "topology.options.saved");
            redirect.addFlashAttribute("successArg", updated.name());
            return "redirect:/applications/" + id + "#options";
        } catch (InvalidInputException e) {
            OptionsEditing.reject(e, form, binding);
        } catch (ConflictException e) {
            model.addAttribute("optionsConflict", ConflictRows.ofOptions(current.security(), section));
            form.setVersion(current.version());
        }
        return pages.detail(current, model);
    }

    @GetMapping("/annex")
    String annex(@PathVariable long id, Model model) {
        return pages.annex(reads.get(id), model);
    }

    /** The annex {@code [security]} section, saved like the options section. */
    @PostMapping("/annex")
    String saveAnnex(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            @RequestParam(defaultValue = "save") String op, Model model, RedirectAttributes redirect) {
        ApplicationView current = reads.get(id);
        if ("add".equals(op)) {
            form.getRows().add(new OptionsForm.OptionRow());
            return pages.annex(current, model);
        }
        Map<String, String> section = OptionsEditing.section(form, binding);
        if (section == null) {
            return pages.annex(current, model);
        }
        try {
            ApplicationView updated = applications.updateAnnex(id, section, form.getVersion());
            redirect.addFlashAttribute("success", "topology.options.saved");
            redirect.addFlashAttribute("successArg", updated.name());
            return "redirect:/applications/" + id + "/annex#options";
        } catch (InvalidInputException e) {
            OptionsEditing.reject(e, form, binding);
        } catch (ConflictException e) {
            model.addAttribute("optionsConflict", ConflictRows.ofOptions(current.annex(), section));
            form.setVersion(current.version());
        }
        return pages.annex(current, model);
    }

    @GetMapping("/ports/{portId}")
    String port(@PathVariable long id, @PathVariable String portId, Model model) {
        ApplicationView application = reads.get(id);
        return pages.port(application, port(application, portId), model);
    }

    /** The port's transport: saved from the rows ({@code save}) or from the raw text ({@code save-text}). */
    @PostMapping("/ports/{portId}/options")
    String savePort(@PathVariable long id, @PathVariable String portId, @ModelAttribute("optionsForm") OptionsForm form,
            BindingResult binding, @RequestParam(defaultValue = "save") String op, Model model,
            RedirectAttributes redirect) {
        ApplicationView current = reads.get(id);
        PortView port = port(current, portId);
        String transport = OptionsEditing.transportToSave(op, form, binding);
        if (transport == null) {
            return pages.port(current, port, model);
        }
        try {
            ApplicationView updated = applications.updatePortTransport(id, port.portId(), transport, form.getVersion());
            redirect.addFlashAttribute("success", "topology.options.saved");
            redirect.addFlashAttribute("successArg", updated.name() + ":" + port.portId());
            return "redirect:/applications/" + id + "/ports/" + port.portId();
        } catch (InvalidInputException e) {
            OptionsEditing.reject(e, form, binding);
        } catch (ConflictException e) {
            PortView now = port(current, portId);
            model.addAttribute("optionsConflict", ConflictRows.ofOptions(OptionsEditing.asOptions(now.transport()),
                    OptionsEditing.asOptions(transport)));
            form.setVersion(current.version());
        }
        return pages.port(current, port, model);
    }

    private static PortView port(ApplicationView application, String portId) {
        PortView port = application.port(portId);
        if (port == null) {
            throw NotFoundException.of("Port", application.name() + ":" + portId);
        }
        return port;
    }
}
