package dev.tlsconsole.policy.snapshot;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.option.TransportString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies staged changes to copies of a snapshot's object arrays. Structure never changes, so the
 * index is shared; copying an array of 100,000 references costs well under a millisecond, which is
 * cheaper and simpler than a lookup-through overlay.
 */
final class ChangeApplier {

    private final TopologySnapshot base;
    private HostSnapshot[] hosts;
    private ApplicationSnapshot[] applications;
    private Port[] ports;
    private ConnectionSnapshot[] connections;
    private ParsedTransport[] portTransports;
    private ParsedTransport[] connectionTransports;
    private byte[] connectionShapes;

    ChangeApplier(TopologySnapshot base) {
        this.base = base;
        hosts = base.hosts;
        applications = base.applications;
        ports = base.ports;
        connections = base.connections;
        portTransports = base.portTransports;
        connectionTransports = base.connectionTransports;
        connectionShapes = base.connectionShapes;
    }

    TopologySnapshot apply(List<StagedChange> changes) {
        for (StagedChange change : changes) {
            OptionalInt found = base.indexOf(change.targetType(), change.targetId());
            if (found.isEmpty()) {
                throw new InvalidChangeException("there is no " + change.targetType().name().toLowerCase()
                        + " with id " + change.targetId());
            }
            int i = found.getAsInt();
            switch (change.targetType()) {
                case HOST -> {
                    hosts = copied(hosts, base.hosts);
                    hosts[i] = hosts[i].withSecurity(edit(hosts[i].security(), change, "host '" + hosts[i].name() + "'", Level.HOST));
                }
                case APPLICATION -> {
                    applications = copied(applications, base.applications);
                    ApplicationSnapshot application = applications[i];
                    applications[i] = application.withSecurity(edit(application.security(), change,
                            "application '" + application.name() + "'", Level.APPLICATION));
                }
                case APPLICATION_ANNEX -> {
                    applications = copied(applications, base.applications);
                    ApplicationSnapshot application = applications[i];
                    applications[i] = application.withAnnex(edit(application.annex(), change,
                            "the annex of application '" + application.name() + "'", Level.APPLICATION_ANNEX));
                }
                case PORT -> {
                    ports = copied(ports, base.ports);
                    portTransports = copied(portTransports, base.portTransports);
                    portTransports[i] = edit(portTransports[i], change, "port '" + base.portRef(i).name() + "'");
                    ports[i] = ports[i].withTransport(portTransports[i].raw());
                }
                case CONNECTION -> {
                    connections = copied(connections, base.connections);
                    connectionTransports = copied(connectionTransports, base.connectionTransports);
                    connectionTransports[i] = edit(connectionTransports[i], change, "connection " + change.targetId());
                    connectionShapes = connectionShapes == base.connectionShapes ? connectionShapes.clone() : connectionShapes;
                    connectionShapes[i] = (byte) TransportShape.of(connectionTransports[i]).ordinal();
                    connections[i] = connections[i].withTransport(connectionTransports[i].raw());
                }
            }
        }
        return new TopologySnapshot(base.index(), hosts, applications, ports, connections, portTransports,
                connectionTransports, connectionShapes);
    }

    private static <T> T[] copied(T[] current, T[] original) {
        return current == original ? current.clone() : current;
    }

    private static Map<String, String> edit(Map<String, String> section, StagedChange change, String target, Level level) {
        Map<String, String> edited = new LinkedHashMap<>(section);
        change.unset().forEach(edited::remove);
        change.set().forEach((key, value) -> {
            if (key.isBlank()) {
                throw new InvalidChangeException(target + ": an option needs a name");
            }
            check(level, key, value, target);
            edited.put(key, value);
        });
        return edited;
    }

    private static ParsedTransport edit(ParsedTransport transport, StagedChange change, String target) {
        if (transport.error().isPresent()) {
            throw new InvalidChangeException("the transport of " + target + " does not parse ("
                    + transport.error().get().getMessage() + "): correct it before previewing changes to it");
        }
        TransportString edited = transport.parameters();
        for (String key : change.unset()) {
            edited = edited.without(key);
        }
        for (Map.Entry<String, String> entry : change.set().entrySet()) {
            check(transport.level(), entry.getKey(), entry.getValue(), target);
            try {
                edited = edited.with(entry.getKey(), entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidChangeException(target + ": " + e.getMessage());
            }
        }
        return ParsedTransport.of(edited, transport.level());
    }

    private static void check(Level level, String key, String value, String target) {
        Optional<String> problem = SecurityOption.validate(level, key, value);
        if (problem.isPresent()) {
            throw new InvalidChangeException(target + ": " + problem.get());
        }
    }
}
