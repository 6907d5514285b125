package dev.tlsconsole.topology.bulk;

import static dev.tlsconsole.topology.bulk.TopologyImport.blank;
import static dev.tlsconsole.topology.bulk.TopologyImport.key;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.topology.ProblemList;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;
import dev.tlsconsole.topology.application.ApplicationDirectory;
import dev.tlsconsole.topology.application.ApplicationRules;
import dev.tlsconsole.topology.application.ApplicationRules.ApplicationRef;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.topology.connection.ConnectionRepository;
import dev.tlsconsole.topology.connection.ConnectionRules;
import dev.tlsconsole.topology.host.HostCommands.NewHost;
import dev.tlsconsole.topology.host.HostRules;

/**
 * Checks a whole document with the rules of single objects, resolving names first in the document
 * and then in the topology, and adds what only a document can get wrong: a name used twice, a
 * connection listed twice, and — when the document may only add — a name that already exists.
 * Every problem is named by its place.
 */
@org.springframework.stereotype.Component
class ImportCheck {

    private final ApplicationDirectory directory;
    private final ConnectionRepository connections;
    private final Catalog catalog;

    ImportCheck(ApplicationDirectory directory, ConnectionRepository connections, Catalog catalog) {
        this.directory = directory;
        this.connections = connections;
        this.catalog = catalog;
    }

    /** Every problem of {@code document} (empty when it can be added as a whole). */
    ProblemList check(TopologyDocument document) {
        return check(document, false);
    }

    /**
     * Every problem of {@code document}; with {@code upsert} an object that already exists is no problem
     * (the import updates it), without it the document may only add.
     */
    ProblemList check(TopologyDocument document, boolean upsert) {
        ProblemList problems = ProblemList.create();
        Map<String, String> hosts = new HashMap<>();
        List<NewHost> hostEntries = document.hosts();
        for (int i = 0; i < hostEntries.size(); i++) {
            ProblemList at = problems.nested("hosts[" + i + "]");
            NewHost host = hostEntries.get(i);
            if (host == null) {
                at.add("", "is empty");
                continue;
            }
            HostRules.check(host, at);
            if (!blank(host.name())) {
                String name = host.name().strip();
                if (hosts.putIfAbsent(key(name), name) != null) {
                    at.add("name", "host '" + name + "' appears twice in the document");
                } else if (!upsert && directory.findHost(name).isPresent()) {
                    at.add("name", "a host named '" + name + "' already exists: import only adds");
                }
            }
        }
        Map<String, ApplicationRef> applications = applicationsOf(document);
        ApplicationRules.Lookup lookup = new DocumentFirst(hosts, applications, directory);
        Set<String> applicationNames = new HashSet<>();
        List<NewApplication> applicationEntries = document.applications();
        for (int i = 0; i < applicationEntries.size(); i++) {
            ProblemList at = problems.nested("applications[" + i + "]");
            NewApplication application = applicationEntries.get(i);
            if (application == null) {
                at.add("", "is empty");
                continue;
            }
            ApplicationRules.check(application, null, lookup, catalog, at);
            if (!blank(application.name())) {
                String name = application.name().strip();
                if (!applicationNames.add(key(name))) {
                    at.add("name", "application '" + name + "' appears twice in the document");
                } else if (!upsert && directory.findApplication(name).isPresent()) {
                    at.add("name", "an application named '" + name + "' already exists: import only adds");
                }
            }
        }
        checkConnections(document.connections(), lookup, upsert, problems);
        return problems;
    }

    private void checkConnections(List<NewConnection> entries, ApplicationRules.Lookup lookup, boolean upsert,
            ProblemList problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ProblemList at = problems.nested("connections[" + i + "]");
            NewConnection connection = entries.get(i);
            if (connection == null) {
                at.add("", "is empty");
                continue;
            }
            ConnectionRules.ConnectionDraft draft = ConnectionRules.check(connection, lookup, at);
            if (draft.client() != null && draft.server() != null && draft.portId() != null) {
                String label = draft.client() + " → " + draft.server() + ":" + draft.portId();
                if (!seen.add(key(label))) {
                    at.add("portId", "connection " + label + " appears twice in the document");
                } else if (!upsert && alreadyStored(draft)) {
                    at.add("portId", "connection " + label + " already exists: import only adds");
                }
            }
        }
    }

    /** True when both ends are stored applications that are already connected on that port. */
    private boolean alreadyStored(ConnectionRules.ConnectionDraft draft) {
        return directory.findApplication(draft.client()).flatMap(client -> directory.findApplication(draft.server())
                        .flatMap(server -> server.getPorts().stream().filter(p -> p.getPortId().equals(draft.portId())).findFirst())
                        .flatMap(port -> connections.findByClientIdAndServerPortId(client.getId(), port.getId())))
                .isPresent();
    }

    /** The document's applications as the rules see them, before they are checked (so references resolve). */
    private Map<String, ApplicationRef> applicationsOf(TopologyDocument document) {
        Map<String, ApplicationRef> applications = new HashMap<>();
        for (NewApplication application : document.applications()) {
            if (application == null || blank(application.name())) {
                continue;
            }
            String type = Optional.ofNullable(application.componentType()).flatMap(catalog::find).map(Component::name)
                    .orElse(application.componentType());
            List<String> ports = new ArrayList<>();
            if (application.ports() != null) {
                application.ports().stream().filter(p -> p != null && !blank(p.portId()))
                        .map(PortSpec::portId).map(String::strip).forEach(ports::add);
            }
            applications.putIfAbsent(key(application.name()), new ApplicationRef(null, application.name().strip(), type,
                    blank(application.backup()) ? null : application.backup().strip(), ports));
        }
        return applications;
    }

    /** Names defined by the document win over (and, being new, never clash with) those already stored. */
    private record DocumentFirst(Map<String, String> hosts, Map<String, ApplicationRef> applications,
            ApplicationDirectory directory) implements ApplicationRules.Lookup {

        @Override
        public Optional<String> host(String name) {
            String found = hosts.get(key(name));
            return found != null ? Optional.of(found) : directory.host(name);
        }

        @Override
        public Optional<ApplicationRef> application(String name) {
            ApplicationRef found = applications.get(key(name));
            return found != null ? Optional.of(found) : directory.application(name);
        }
    }
}
