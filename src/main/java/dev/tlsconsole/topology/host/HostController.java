package dev.tlsconsole.topology.host;

import java.util.Map;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
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

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.topology.host.HostCommands.HostChange;
import dev.tlsconsole.topology.host.HostCommands.HostView;
import dev.tlsconsole.topology.host.HostCommands.NewHost;
import dev.tlsconsole.topology.web.ConflictRows;
import dev.tlsconsole.topology.web.DeleteRefusal;
import dev.tlsconsole.topology.web.OptionsEditing;
import dev.tlsconsole.topology.web.OptionsEditor;
import dev.tlsconsole.topology.web.OptionsForm;
import dev.tlsconsole.web.FormErrors;
import dev.tlsconsole.SortableBy;

/** The host screens: list, detail with its applications and annex options, form, delete. */
@Controller
@RequestMapping("/hosts")
class HostController {

    static final String LIST_VIEW = "topology/hosts/list";
    static final String DETAIL_VIEW = "topology/hosts/detail";
    static final String FORM_VIEW = "topology/hosts/form";
    static final Map<String, String> LABELS = ConflictRows.fields("name", "topology.host.name", "ipAddress",
            "topology.host.ipAddress", "osType", "topology.host.osType", "securityPackVersion", "topology.host.securityPack");

    private final HostService hosts;

    HostController(HostService hosts) {
        this.hosts = hosts;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("osTypes")
    OsType[] osTypes() {
        return OsType.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @SortableBy({"name", "ipAddress", "osType", "securityPackVersion", "id"}) @PageableDefault(size = 25, sort = "name") Pageable pageable,
            Model model) {
        model.addAttribute("page", hosts.summaries(q, pageable));
        model.addAttribute("q", q);
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newHost(Model model) {
        model.addAttribute("form", new HostForm());
        return FORM_VIEW;
    }

    @PostMapping
    String create(@ModelAttribute("form") HostForm form, BindingResult binding, RedirectAttributes redirect) {
        try {
            HostView created = hosts.create(new NewHost(form.getName(), form.getIpAddress(), form.getOsType(),
                    form.getSecurityPackVersion(), Map.of(), form.getOsVersion()));
            redirect.addFlashAttribute("success", "topology.host.created");
            redirect.addFlashAttribute("successArg", created.name());
            return "redirect:/hosts/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
            return FORM_VIEW;
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        HostView host = hosts.get(id);
        model.addAttribute("optionsForm", OptionsForm.ofSection(host.security(), host.version()));
        return detailView(host, model);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        HostView host = hosts.get(id);
        model.addAttribute("host", host);
        model.addAttribute("form", HostForm.of(host));
        return FORM_VIEW;
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") HostForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        HostView current = hosts.get(id);
        try {
            HostView updated = hosts.update(id, new HostChange(form.getName(), form.getIpAddress(), form.getOsType(),
                    form.getSecurityPackVersion(), current.security(), form.getOsVersion(), form.getVersion()));
            redirect.addFlashAttribute("success", "topology.host.updated");
            redirect.addFlashAttribute("successArg", updated.name());
            return "redirect:/hosts/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
        } catch (ConflictException e) {
            // keep what the user typed, show what is stored now, and base a second save on the current version
            model.addAttribute("conflict", ConflictRows.ofFields(LABELS, fields(current.name(), current.ipAddress(),
                    current.osType(), current.securityPackVersion()), fields(form.getName(), form.getIpAddress(),
                    form.getOsType(), form.getSecurityPackVersion())));
            form.setVersion(current.version());
        }
        model.addAttribute("host", current);
        return FORM_VIEW;
    }

    @PostMapping("/{id}/options")
    String saveOptions(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            @RequestParam(defaultValue = "save") String op, Model model, RedirectAttributes redirect) {
        HostView current = hosts.get(id);
        if ("add".equals(op)) {
            form.getRows().add(new OptionsForm.OptionRow());
            return detailView(current, model);
        }
        Map<String, String> section = OptionsEditing.section(form, binding);
        if (section == null) {
            return detailView(current, model);
        }
        try {
            HostView updated = hosts.updateSecurity(id, section, form.getVersion());
            redirect.addFlashAttribute("success", "topology.options.saved");
            redirect.addFlashAttribute("successArg", updated.name());
            return "redirect:/hosts/" + id + "#options";
        } catch (InvalidInputException e) {
            OptionsEditing.reject(e, form, binding);
        } catch (ConflictException e) {
            model.addAttribute("optionsConflict", ConflictRows.ofOptions(current.security(), section));
            form.setVersion(current.version());
        }
        return detailView(current, model);
    }

    /** Deletes, or explains what uses the host and offers the cascade (confirmed in the browser). */
    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean cascade, Model model,
            RedirectAttributes redirect) {
        HostView host = hosts.get(id);
        try {
            hosts.delete(id, cascade);
            redirect.addFlashAttribute("success", "topology.host.deleted");
            redirect.addFlashAttribute("successArg", host.name());
            return "redirect:/hosts";
        } catch (ConflictException e) {
            return DeleteRefusal.show(model, e, "topology.host.kind", host.name(), "/hosts/" + id);
        }
    }

    private String detailView(HostView host, Model model) {
        model.addAttribute("host", host);
        model.addAttribute("applications", hosts.applications(host.id()));
        model.addAttribute("editor", OptionsEditor.of(Level.HOST, "/hosts/" + host.id() + "/options"));
        return DETAIL_VIEW;
    }

    private static Map<String, String> fields(String name, String ip, String os, String pack) {
        return ConflictRows.fields("name", name, "ipAddress", ip, "osType", os, "securityPackVersion", pack);
    }
}
