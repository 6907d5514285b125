package dev.tlsconsole.topology.connection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.topology.TopologyQueries;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.PortView;
import dev.tlsconsole.topology.application.ApplicationReads;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.web.OptionsEditor;
import dev.tlsconsole.topology.web.OptionsForm;
import dev.tlsconsole.web.ObjectLinks;

/** Fills the models of the connection pages, which several handlers render. */
@Component
class ConnectionPages {

    static final String FORM_VIEW = "topology/connections/form";
    static final String DETAIL_VIEW = "topology/connections/detail";

    private final ApplicationReads applications;
    private final TopologyQueries queries;

    ConnectionPages(ApplicationReads applications, TopologyQueries queries) {
        this.applications = applications;
        this.queries = queries;
    }

    /** The form; {@code connection} is null for a new one. Expects {@code form} in the model. */
    String form(Model model, ConnectionView connection) {
        model.addAttribute("connection", connection);
        model.addAttribute("applicationNames", applications.names());
        model.addAttribute("portIds", queries.portIds());
        return FORM_VIEW;
    }

    /** The detail page: both ends with their hosts, the server port, and the transport in the options editor. */
    String detail(ConnectionView connection, Model model) {
        if (!model.containsAttribute("optionsForm")) {
            model.addAttribute("optionsForm", OptionsForm.ofTransport(connection.transport(), connection.version()));
        }
        ApplicationView client = applications.get(connection.clientId());
        ApplicationView server = applications.get(connection.serverId());
        PortView port = server.port(connection.portId());
        model.addAttribute("connection", connection);
        model.addAttribute("client", client);
        model.addAttribute("server", server);
        model.addAttribute("port", port);
        model.addAttribute("editor", OptionsEditor.of(Level.CONNECTION, ObjectLinks.connection(connection.id()) + "/options"));
        return DETAIL_VIEW;
    }
}
