package dev.tlsconsole.topology.connection;

import java.util.Map;
import java.util.function.Supplier;

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

import dev.tlsconsole.topology.SortAliases;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionChange;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.topology.web.ConflictRows;
import dev.tlsconsole.topology.web.OptionsEditing;
import dev.tlsconsole.topology.web.OptionsForm;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;
import dev.tlsconsole.SortableBy;

/** The connection screens: list, detail with the transport editor, form, delete. */
@Controller
@RequestMapping("/connections")
class ConnectionController {

    static final String LIST_VIEW = "topology/connections/list";
    private static final Map<String, String> LABELS = ConflictRows.fields("client", "topology.connection.client",
            "server", "topology.connection.server", "portId", "topology.port.id", "transport", "topology.port.transport");

    private final ConnectionService connections;
    private final ConnectionReads connectionReads;
    private final ConnectionPages pages;

    ConnectionController(ConnectionService connections, ConnectionReads connectionReads, ConnectionPages pages) {
        this.connections = connections;
        this.connectionReads = connectionReads;
        this.pages = pages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @SortableBy({"id", "client", "client.name", "server", "serverPort.application.name", "portId", "serverPort.portId", "portNumber", "serverPort.portNumber"}) @PageableDefault(size = 25, sort = "id") Pageable pageable,
            Model model) {
        model.addAttribute("page", connectionReads.search(q, SortAliases.apply(pageable, ConnectionApiController.SORT_ALIASES)));
        model.addAttribute("q", q);
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newConnection(@RequestParam(required = false) String client, @RequestParam(required = false) String server,
            @RequestParam(required = false) String portId, Model model) {
        ConnectionForm form = new ConnectionForm();
        form.setClient(client);
        form.setServer(server);
        form.setPortId(portId);
        model.addAttribute("form", form);
        return pages.form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") ConnectionForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.of(binding).submit(() -> {
            ConnectionView created = connections.create(new NewConnection(form.getClient(), form.getServer(),
                    form.getPortId(), form.getTransport()));
            redirect.addFlashAttribute("success", "topology.connection.created");
            redirect.addFlashAttribute("successArg", created.label());
            return ObjectLinks.redirect(ObjectLinks.connection(created.id()));
        }, () -> pages.form(model, null));
    }

    /** The connection page: both ends and the transport editor. */
    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return pages.detail(connectionReads.get(id), model);
    }

    /** The form with the stored connection, based on its current version. */
    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ConnectionView connection = connectionReads.get(id);
        model.addAttribute("form", ConnectionForm.of(connection));
        return pages.form(model, connection);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ConnectionForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        ConnectionView current = connectionReads.get(id);
        return FormSubmission.of(binding).onConflict(e -> {
            model.addAttribute("conflict", ConflictRows.ofFields(LABELS,
                    ConflictRows.fields("client", current.client(), "server", current.server(), "portId", current.portId(),
                            "transport", current.transport()),
                    ConflictRows.fields("client", form.getClient(), "server", form.getServer(), "portId", form.getPortId(),
                            "transport", form.getTransport())));
            form.setVersion(current.version());
        }).submit(() -> {
            ConnectionView updated = connections.update(id, new ConnectionChange(form.getClient(), form.getServer(),
                    form.getPortId(), form.getTransport(), form.getVersion()));
            redirect.addFlashAttribute("success", "topology.connection.updated");
            redirect.addFlashAttribute("successArg", updated.label());
            return ObjectLinks.redirect(ObjectLinks.connection(id));
        }, () -> pages.form(model, current));
    }

    /** The transport editor: "add option", "text → fields", "fields → text" change only the form. */
    @PostMapping(value = "/{id}/options", params = "op=add")
    String addOption(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model) {
        return edit(id, model, () -> OptionsEditing.addRow(form));
    }

    @PostMapping(value = "/{id}/options", params = "op=parse")
    String textToRows(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model) {
        return edit(id, model, () -> OptionsEditing.textToRows(form, binding));
    }

    @PostMapping(value = "/{id}/options", params = "op=render")
    String rowsToText(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model) {
        return edit(id, model, () -> OptionsEditing.rowsToText(form, binding));
    }

    /** The transport saved from the raw text. */
    @PostMapping(value = "/{id}/options", params = "op=save-text")
    String saveText(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return saveTransport(id, form, binding, model, redirect, form::getTransport);
    }

    /** The transport saved from the rows. */
    @PostMapping("/{id}/options")
    String saveRows(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return saveTransport(id, form, binding, model, redirect, () -> OptionsEditing.transport(form, binding));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        ConnectionView connection = connectionReads.get(id);
        connections.delete(id);
        redirect.addFlashAttribute("success", "topology.connection.deleted");
        redirect.addFlashAttribute("successArg", connection.label());
        return "redirect:/connections";
    }

    private String edit(long id, Model model, Runnable edit) {
        ConnectionView current = connectionReads.get(id);
        edit.run();
        return pages.detail(current, model);
    }

    /** Saves the transport {@code toSave} returns; null (with errors on the form) shows the page again. */
    private String saveTransport(long id, OptionsForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, Supplier<String> toSave) {
        ConnectionView current = connectionReads.get(id);
        return OptionsEditing.saveTransport(toSave.get(), form, binding, model, current.transport(), current.version(),
                transport -> OptionsEditing.saved(redirect, connections.updateTransport(id, transport, form.getVersion()).label(),
                        ObjectLinks.connection(id)),
                () -> pages.detail(current, model));
    }
}
