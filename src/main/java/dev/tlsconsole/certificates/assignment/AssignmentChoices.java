package dev.tlsconsole.certificates.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;

/**
 * The targets the assignment form offers, as one list of options grouped by kind. An option's value
 * encodes the target ({@code HOST|cfg-host-1}, {@code PORT|default|confserv}, {@code CONNECTION|7}) so a
 * single select (and a test) can pick any of them.
 */
record AssignmentChoices(List<Choice> hosts, List<Choice> applications, List<Choice> ports, List<Choice> connections) {

    /** One option: its encoded value and what the user reads. */
    record Choice(String value, String label) {
    }

    static AssignmentChoices of(TopologySnapshot topology) {
        List<Choice> hosts = new ArrayList<>();
        for (int i = 0; i < topology.hostCount(); i++) {
            var host = topology.host(i);
            hosts.add(new Choice("HOST|" + host.name(), host.name() + " (" + host.osType() + ")"));
        }
        List<Choice> applications = new ArrayList<>();
        for (int i = 0; i < topology.applicationCount(); i++) {
            ObjectRef application = topology.applicationRef(i);
            applications.add(new Choice("APPLICATION|" + application.name(), application.name()));
        }
        List<Choice> ports = new ArrayList<>();
        for (int i = 0; i < topology.portCount(); i++) {
            var port = topology.port(i);
            String application = topology.applicationRef(topology.applicationOfPort(i)).name();
            ports.add(new Choice("PORT|" + port.portId() + "|" + application, topology.portRef(i).name()));
        }
        List<Choice> connections = new ArrayList<>();
        for (int i = 0; i < topology.connectionCount(); i++) {
            ObjectRef connection = topology.connectionRef(i);
            connections.add(new Choice("CONNECTION|" + connection.id(), connection.name()));
        }
        Comparator<Choice> byLabel = Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER);
        hosts.sort(byLabel);
        applications.sort(byLabel);
        ports.sort(byLabel);
        connections.sort(byLabel);
        return new AssignmentChoices(hosts, applications, ports, connections);
    }

    /** The target an option value encodes; a value that is not one of ours gives a target the planner refuses. */
    static AssignmentTarget target(String value) {
        if (value == null || value.isBlank()) {
            return new AssignmentTarget(null, null, null, null);
        }
        String[] parts = value.split("\\|", 3);
        String type = parts[0];
        return switch (type) {
            case "PORT" -> parts.length == 3 ? new AssignmentTarget(type, parts[2], parts[1], null)
                    : new AssignmentTarget(type, null, null, null);
            case "CONNECTION" -> new AssignmentTarget(type, null, null, parts.length > 1 && parts[1].matches("\\d{1,18}")
                    ? Long.valueOf(parts[1]) : null);
            default -> new AssignmentTarget(type, parts.length > 1 ? value.substring(type.length() + 1) : null, null, null);
        };
    }
}
