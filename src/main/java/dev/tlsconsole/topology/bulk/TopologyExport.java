package dev.tlsconsole.topology.bulk;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.topology.TopologyReader;
import dev.tlsconsole.topology.TopologyReader.ApplicationRow;
import dev.tlsconsole.topology.TopologyReader.HostRow;
import dev.tlsconsole.topology.TopologyReader.OptionRow;
import dev.tlsconsole.topology.TopologyReader.PortRow;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.topology.host.HostCommands.NewHost;

/** Writes the whole topology as a {@link TopologyDocument}, from the bulk rows (one query per table). */
@Service
public class TopologyExport {

    private static final Comparator<String> BY_KEY = Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    private final TopologyReader reader;

    TopologyExport(TopologyReader reader) {
        this.reader = reader;
    }

    /** The topology as it is now, in canonical order. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TopologyDocument export() {
        TopologyReader.Rows rows = reader.readAll();
        Map<Long, HostRow> hosts = rows.hosts().stream().collect(Collectors.toMap(HostRow::id, Function.identity()));
        Map<Long, ApplicationRow> applications = rows.applications().stream()
                .collect(Collectors.toMap(ApplicationRow::id, Function.identity()));
        Map<Long, SortedMap<String, String>> hostOptions = sections(rows.hostOptions());
        Map<Long, SortedMap<String, String>> applicationOptions = sections(rows.applicationOptions());
        Map<Long, SortedMap<String, String>> applicationAnnexes = sections(rows.applicationAnnexOptions());
        Map<Long, List<PortSpec>> ports = rows.ports().stream()
                .sorted(Comparator.comparingInt(PortRow::ordinal))
                .collect(Collectors.groupingBy(PortRow::applicationId, Collectors.mapping(
                        p -> new PortSpec(p.portId(), p.number(), p.listeningMode().name(), p.transport()),
                        Collectors.toList())));

        List<NewHost> hostEntries = rows.hosts().stream()
                .sorted(Comparator.comparing(HostRow::name, BY_KEY))
                .map(h -> new NewHost(h.name(), h.ipAddress(), h.osType().name(), h.securityPackVersion(),
                        hostOptions.getOrDefault(h.id(), new TreeMap<>()), h.osVersion()))
                .toList();
        List<NewApplication> applicationEntries = rows.applications().stream()
                .sorted(Comparator.comparing(ApplicationRow::name, BY_KEY))
                .map(a -> new NewApplication(a.name(), a.componentType(), a.componentVersion(), hosts.get(a.hostId()).name(),
                        a.backupId() == null ? null : applications.get(a.backupId()).name(),
                        applicationOptions.getOrDefault(a.id(), new TreeMap<>()),
                        applicationAnnexes.getOrDefault(a.id(), new TreeMap<>()), ports.getOrDefault(a.id(), List.of())))
                .toList();
        List<NewConnection> connectionEntries = rows.connections().stream()
                .map(c -> new NewConnection(applications.get(c.clientId()).name(), applications.get(c.serverId()).name(),
                        c.portId(), c.transport()))
                .sorted(Comparator.comparing(NewConnection::client, BY_KEY).thenComparing(NewConnection::server, BY_KEY)
                        .thenComparing(NewConnection::portId, BY_KEY))
                .toList();
        return new TopologyDocument(hostEntries, applicationEntries, connectionEntries);
    }

    private static Map<Long, SortedMap<String, String>> sections(List<OptionRow> options) {
        Map<Long, SortedMap<String, String>> sections = new HashMap<>();
        options.forEach(o -> sections.computeIfAbsent(o.ownerId(), id -> new TreeMap<>()).put(o.key(), o.value()));
        return sections;
    }
}
