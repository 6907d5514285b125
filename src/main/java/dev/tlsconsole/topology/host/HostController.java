package dev.tlsconsole.topology.host;

import java.util.Map;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
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

import dev.tlsconsole.SortableBy;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.topology.host.HostCommands.HostChange;
import dev.tlsconsole.topology.host.HostCommands.HostView;
import dev.tlsconsole.topology.host.HostCommands.NewHost;
import dev.tlsconsole.topology.web.ConflictRows;
import dev.tlsconsole.topology.web.DeleteRefusal;
import dev.tlsconsole.topology.web.OptionsEditing;
import dev.tlsconsole.topology.web.OptionsForm;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;

/** The host screens: list, detail with its applications and annex options, form, delete. */
@Controller
@RequestMapping("/hosts")
class HostController {

    static final String LIST_VIEW = "topology/hosts/list";
    static final Map<String, String> LABELS = ConflictRows.fields("name", "topology.host.name", "ipAddress",
            "topology.host.ipAddress", "osType", "topology.host.osType", "securityPackVersion", "topology.host.securityPack");

    private final HostService hosts;
    private final HostReads hostReads;
    private final HostPages pages;

    HostController(HostService hosts, HostReads hostReads, HostPages pages) {
        this.hosts = hosts;
        this.hostReads = hostReads;
        this.pages = pages;
    }

    @ModelAttribute("osTypes")
    OsType[] osTypes() {
        return OsType.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @SortableBy({"name", "ipAddress", "osType", "securityPackVersion", "id"}) @PageableDefault(size = 25, sort = "name") Pageable pageable,
            Model model) {
        model.addAttribute("page", hostReads.summaries(q, pageable));
        model.addAttribute("q", q);
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newHost(Model model) {
        model.addAttribute("form", new HostForm());
        return pages.form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") HostForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return FormSubmission.of(binding).submit(() -> {
            HostView created = hosts.create(new NewHost(form.getName(), form.getIpAddress(), form.getOsType(),
                    form.getSecurityPackVersion(), Map.of(), form.getOsVersion()));
            redirect.addFlashAttribute("success", "topology.host.created");
            redirect.addFlashAttribute("successArg", created.name());
            return ObjectLinks.redirect(ObjectLinks.host(created.id()));
        }, () -> pages.form(model, null));
    }

    /** The host page: its applications and its annex {@code [security]} options. */
    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return pages.detail(hostReads.get(id), model);
    }

    /** The form with the stored host, based on its current version. */
    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        HostView host = hostReads.get(id);
        model.addAttribute("form", HostForm.of(host));
        return pages.form(model, host);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") HostForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        HostView current = hostReads.get(id);
        return FormSubmission.of(binding).onConflict(e -> {
            // keep what the user typed, show what is stored now, and base a second save on the current version
            model.addAttribute("conflict", ConflictRows.ofFields(LABELS, fields(current.name(), current.ipAddress(),
                    current.osType(), current.securityPackVersion()), fields(form.getName(), form.getIpAddress(),
                    form.getOsType(), form.getSecurityPackVersion())));
            form.setVersion(current.version());
        }).submit(() -> {
            HostView updated = hosts.update(id, new HostChange(form.getName(), form.getIpAddress(), form.getOsType(),
                    form.getSecurityPackVersion(), current.security(), form.getOsVersion(), form.getVersion()));
            redirect.addFlashAttribute("success", "topology.host.updated");
            redirect.addFlashAttribute("successArg", updated.name());
            return ObjectLinks.redirect(ObjectLinks.host(id));
        }, () -> pages.form(model, current));
    }

    /** The editor's "add option" button: one more empty row, nothing saved. */
    @PostMapping(value = "/{id}/options", params = "op=add")
    String addOption(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, Model model) {
        OptionsEditing.addRow(form);
        return pages.detail(hostReads.get(id), model);
    }

    @PostMapping("/{id}/options")
    String saveOptions(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        HostView current = hostReads.get(id);
        return OptionsEditing.saveSection(form, binding, model, current.security(), current.version(),
                section -> OptionsEditing.saved(redirect, hosts.updateSecurity(id, section, form.getVersion()).name(),
                        ObjectLinks.options(ObjectLinks.host(id))),
                () -> pages.detail(current, model));
    }

    /** Deletes, or explains what uses the host and offers the cascade (confirmed in the browser). */
    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean cascade, Model model,
            RedirectAttributes redirect) {
        HostView host = hostReads.get(id);
        return FormSubmission.withoutForm().onRefusal(e -> DeleteRefusal.show(model, e, "topology.host.kind", host.name(),
                ObjectLinks.host(id))).submit(() -> {
                    hosts.delete(id, cascade);
                    redirect.addFlashAttribute("success", "topology.host.deleted");
                    redirect.addFlashAttribute("successArg", host.name());
                    return "redirect:/hosts";
                });
    }

    private static Map<String, String> fields(String name, String ip, String os, String pack) {
        return ConflictRows.fields("name", name, "ipAddress", ip, "osType", os, "securityPackVersion", pack);
    }
}
