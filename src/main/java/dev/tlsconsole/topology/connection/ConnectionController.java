package dev.tlsconsole.topology.connection;

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
import dev.tlsconsole.topology.SortAliases;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionChange;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.topology.web.ConflictRows;
import dev.tlsconsole.topology.web.OptionsEditing;
import dev.tlsconsole.topology.web.OptionsForm;
import dev.tlsconsole.web.FormErrors;
import dev.tlsconsole.SortableBy;

/** The connection screens: list, detail with the transport editor, form, delete. */
@Controller
@RequestMapping("/connections")
class ConnectionController {

    static final String LIST_VIEW = "topology/connections/list";
    private static final Map<String, String> LABELS = ConflictRows.fields("client", "topology.connection.client",
            "server", "topology.connection.server", "portId", "topology.port.id", "transport", "topology.port.transport");

    private final ConnectionService connections;
    private final ConnectionPages pages;

    ConnectionController(ConnectionService connections, ConnectionPages pages) {
        this.connections = connections;
        this.pages = pages;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @SortableBy({"id", "client", "client.name", "server", "serverPort.application.name", "portId", "serverPort.portId", "portNumber", "serverPort.portNumber"}) @PageableDefault(size = 25, sort = "id") Pageable pageable,
            Model model) {
        model.addAttribute("page", connections.search(q, SortAliases.apply(pageable, ConnectionApiController.SORT_ALIASES)));
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
        try {
            ConnectionView created = connections.create(new NewConnection(form.getClient(), form.getServer(),
                    form.getPortId(), form.getTransport()));
            redirect.addFlashAttribute("success", "topology.connection.created");
            redirect.addFlashAttribute("successArg", created.label());
            return "redirect:/connections/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
            return pages.form(model, null);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return pages.detail(connections.get(id), model);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ConnectionView connection = connections.get(id);
        model.addAttribute("form", ConnectionForm.of(connection));
        return pages.form(model, connection);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ConnectionForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        ConnectionView current = connections.get(id);
        try {
            ConnectionView updated = connections.update(id, new ConnectionChange(form.getClient(), form.getServer(),
                    form.getPortId(), form.getTransport(), form.getVersion()));
            redirect.addFlashAttribute("success", "topology.connection.updated");
            redirect.addFlashAttribute("successArg", updated.label());
            return "redirect:/connections/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
        } catch (ConflictException e) {
            model.addAttribute("conflict", ConflictRows.ofFields(LABELS,
                    ConflictRows.fields("client", current.client(), "server", current.server(), "portId", current.portId(),
                            "transport", current.transport()),
                    ConflictRows.fields("client", form.getClient(), "server", form.getServer(), "portId", form.getPortId(),
                            "transport", form.getTransport())));
            form.setVersion(current.version());
        }
        return pages.form(model, current);
    }

    /** The transport editor: rows or raw text, converted either way, saved from either. */
    @PostMapping("/{id}/options")
    String saveTransport(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            @RequestParam(defaultValue = "save") String op, Model model, RedirectAttributes redirect) {
        ConnectionView current = connections.get(id);
        String transport = OptionsEditing.transportToSave(op, form, binding);
        if (transport == null) {
            return pages.detail(current, model);
        }
        try {
            ConnectionView updated = connections.updateTransport(id, transport, form.getVersion());
            redirect.addFlashAttribute("success", "topology.options.saved");
            redirect.addFlashAttribute("successArg", updated.label());
            return "redirect:/connections/" + id;
        } catch (InvalidInputException e) {
            OptionsEditing.reject(e, form, binding);
        } catch (ConflictException e) {
            model.addAttribute("optionsConflict", ConflictRows.ofOptions(OptionsEditing.asOptions(current.transport()),
                    OptionsEditing.asOptions(transport)));
            form.setVersion(current.version());
        }
        return pages.detail(current, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        ConnectionView connection = connections.get(id);
        connections.delete(id);
        redirect.addFlashAttribute("success", "topology.connection.deleted");
        redirect.addFlashAttribute("successArg", connection.label());
        return "redirect:/connections";
    }
}
