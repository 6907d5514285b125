package dev.tlsconsole.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.topology.TopologyReader;

/**
 * Decides what the console may connect to: a listening port of the topology, at its host's address
 * (or name, resolved once — the probe connects to the address that was checked), inside
 * {@code console.probes.allowed-networks}. Anything else is refused with a 400 and an audit entry.
 */
@Component
class ProbeTargets {


    private final TopologyReader topology;
    private final AuditTrail audit;
    private final List<IpAddressMatcher> allowed;
    private final List<String> allowedText;

    ProbeTargets(TopologyReader topology, AuditTrail audit, ProbeProperties properties) {
        this.topology = topology;
        this.audit = audit;
        this.allowedText = properties.allowedNetworks();
        this.allowed = properties.allowedNetworks().stream().map(IpAddressMatcher::new).toList();
    }

    /** A port the console may probe, with the connections that reach it. */
    record ProbeTarget(long applicationId, String application, String portId, int port, ListeningMode listeningMode,
            String host, String declaredAddress, InetAddress address, List<Long> connectionIds) {

        String label() {
            return application + ":" + portId;
        }
    }

    /** The port {@code portId} of {@code application}. */
    ProbeTarget byPort(String application, String portId) {
        TopologyReader.Rows rows = topology.readAll();
        Optional<TopologyReader.ApplicationRow> app = rows.applications().stream()
                .filter(a -> a.name().equals(application)).findFirst();
        if (app.isEmpty()) {
            throw refuse(application + ":" + portId, "application", "no application '" + application + "' in the topology");
        }
        Optional<TopologyReader.PortRow> port = rows.ports().stream()
                .filter(p -> p.applicationId() == app.get().id() && p.portId().equals(portId)).findFirst();
        if (port.isEmpty()) {
            throw refuse(application + ":" + portId, "portId", "'" + application + "' has no listening port '" + portId + "'");
        }
        return target(rows, app.get(), port.get());
    }

    /** The port of the topology listening at {@code address}:{@code port}; refused when none does. */
    ProbeTarget byAddress(String address, int port) {
        TopologyReader.Rows rows = topology.readAll();
        String where = address + ":" + port;
        for (TopologyReader.HostRow host : rows.hosts()) {
            if (!address.equalsIgnoreCase(host.ipAddress()) && !address.equalsIgnoreCase(host.name())) {
                continue;
            }
            for (TopologyReader.ApplicationRow app : rows.applications()) {
                if (app.hostId() != host.id()) {
                    continue;
                }
                for (TopologyReader.PortRow candidate : rows.ports()) {
                    if (candidate.applicationId() == app.id() && candidate.number() == port) {
                        return target(rows, app, candidate);
                    }
                }
            }
        }
        throw refuse(where, "address", where + " is not a listening port of a host in the topology");
    }

    private ProbeTarget target(TopologyReader.Rows rows, TopologyReader.ApplicationRow app, TopologyReader.PortRow port) {
        TopologyReader.HostRow host = rows.hosts().stream().filter(h -> h.id() == app.hostId()).findFirst().orElseThrow();
        String declared = host.ipAddress() == null || host.ipAddress().isBlank() ? host.name() : host.ipAddress();
        String label = app.name() + ":" + port.portId();
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(declared);
        } catch (UnknownHostException e) {
            throw refuse(label, "address", "the address '" + declared + "' of host '" + host.name() + "' does not resolve");
        }
        if (allowed.stream().noneMatch(network -> network.matches(resolved.getHostAddress()))) {
            throw refuse(label, "address", "the address " + resolved.getHostAddress() + " of host '" + host.name()
                    + "' is outside the networks probes may reach (console.probes.allowed-networks: "
                    + String.join(", ", allowedText) + ")");
        }
        List<Long> connections = new ArrayList<>();
        rows.connections().stream().filter(c -> c.serverPortId() == port.id()).forEach(c -> connections.add(c.id()));
        return new ProbeTarget(app.id(), app.name(), port.portId(), port.number(), port.listeningMode(), host.name(),
                declared, resolved, List.copyOf(connections));
    }

    private InvalidInputException refuse(String target, String field, String why) {
        audit.recordSeparately(AuditRecord.denied(AuditAction.PROBE, target, "probe refused: " + why));
        return InvalidInputException.of(field, why);
    }
}
