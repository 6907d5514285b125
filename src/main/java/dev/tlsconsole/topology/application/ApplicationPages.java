package dev.tlsconsole.topology.application;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Note;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.topology.TopologyQueries.ConnectionLine;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.PortView;
import dev.tlsconsole.topology.host.HostReads;
import dev.tlsconsole.topology.web.OptionsEditor;
import dev.tlsconsole.topology.web.OptionsForm;
import dev.tlsconsole.web.ObjectLinks;

/**
 * Fills the models of the application pages (form, detail, port), which several handlers render —
 * after a save, after a refusal — so that each handler stays a few lines.
 */
@Component
class ApplicationPages {

    static final String FORM_VIEW = "topology/applications/form";
    static final String DETAIL_VIEW = "topology/applications/detail";
    static final String PORT_VIEW = "topology/applications/port";
    static final String ANNEX_VIEW = "topology/applications/annex";

    private final ApplicationReads reads;
    private final HostReads hosts;
    private final Catalog catalog;

    ApplicationPages(ApplicationReads reads, HostReads hosts, Catalog catalog) {
        this.reads = reads;
        this.hosts = hosts;
        this.catalog = catalog;
    }

    /** The form; {@code application} is null for a new one. Expects {@code form} in the model. */
    String form(Model model, ApplicationView application) {
        model.addAttribute("app", application);
        model.addAttribute("componentGroups", catalog.groups().stream()
                .map(g -> new ComponentChoice(g.name(), catalog.componentsIn(g.name()).stream()
                        .map(dev.tlsconsole.catalog.Component::name).toList()))
                .filter(g -> !g.components().isEmpty())
                .toList());
        model.addAttribute("hostNames", hosts.names());
        model.addAttribute("applicationNames", reads.names());
        model.addAttribute("modes", ListeningMode.values());
        return FORM_VIEW;
    }

    /** The detail page: ports, connections both ways, backup relations, catalog notes and the options editor. */
    String detail(ApplicationView application, Model model) {
        if (!model.containsAttribute("optionsForm")) {
            model.addAttribute("optionsForm", OptionsForm.ofSection(application.security(), application.version()));
        }
        List<ConnectionLine> connections = reads.connections(application.id());
        model.addAttribute("app", application);
        model.addAttribute("outgoing", connections.stream().filter(c -> c.clientId() == application.id()).toList());
        List<ConnectionLine> incoming = connections.stream().filter(c -> c.serverId() == application.id()).toList();
        model.addAttribute("incoming", incoming);
        model.addAttribute("incomingByPort", incoming.stream()
                .collect(Collectors.groupingBy(ConnectionLine::portId, Collectors.counting())));
        model.addAttribute("primaries", reads.primaries(application.id()));
        model.addAttribute("notes", catalog.find(application.componentType()).map(c -> c.notes()).orElse(List.<Note>of()));
        model.addAttribute("editor", OptionsEditor.of(Level.APPLICATION, ObjectLinks.application(application.id()) + "/options"));
        return DETAIL_VIEW;
    }

    /** The annex {@code [security]} tab: the same options editor, at the application annex level. */
    String annex(ApplicationView application, Model model) {
        if (!model.containsAttribute("optionsForm")) {
            model.addAttribute("optionsForm", OptionsForm.ofSection(application.annex(), application.version()));
        }
        model.addAttribute("app", application);
        model.addAttribute("editor", OptionsEditor.of(Level.APPLICATION_ANNEX, ObjectLinks.applicationAnnex(application.id())));
        return ANNEX_VIEW;
    }

    /** One port: its transport in the options editor, and the connections that reach it. */
    String port(ApplicationView application, PortView port, Model model) {
        if (!model.containsAttribute("optionsForm")) {
            model.addAttribute("optionsForm", OptionsForm.ofTransport(port.transport(), application.version()));
        }
        model.addAttribute("app", application);
        model.addAttribute("port", port);
        model.addAttribute("incoming", reads.connections(application.id()).stream()
                .filter(c -> c.serverId() == application.id() && c.portId().equals(port.portId())).toList());
        model.addAttribute("editor", OptionsEditor.of(Level.PORT,
                ObjectLinks.port(application.id(), port.portId()) + "/options"));
        return PORT_VIEW;
    }

    /** A group of the component picker. */
    record ComponentChoice(String group, List<String> components) {
    }
}
