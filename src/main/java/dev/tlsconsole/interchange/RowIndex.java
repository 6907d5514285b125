package dev.tlsconsole.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.tlsconsole.topology.TopologyReader.ApplicationRow;
import dev.tlsconsole.topology.TopologyReader.HostRow;
import dev.tlsconsole.topology.TopologyReader.OptionRow;
import dev.tlsconsole.topology.TopologyReader.PortRow;
import dev.tlsconsole.topology.TopologyReader.Rows;

/** The topology rows grouped once by owner, so that per-object look-ups stay linear in the topology's size. */
final class RowIndex {

    final Rows rows;
    final Map<Long, HostRow> hosts = new HashMap<>();
    final Map<Long, ApplicationRow> applications = new HashMap<>();
    final Map<Long, SortedMap<String, String>> hostOptions = new HashMap<>();
    final Map<Long, SortedMap<String, String>> applicationOptions = new HashMap<>();
    final Map<Long, SortedMap<String, String>> applicationAnnexes = new HashMap<>();
    final Map<Long, List<ApplicationRow>> applicationsByHost = new HashMap<>();
    final Map<Long, List<PortRow>> portsByApplication = new HashMap<>();
    final Map<Long, PortRow> ports = new HashMap<>();

    RowIndex(Rows rows) {
        this.rows = rows;
        rows.hosts().forEach(h -> hosts.put(h.id(), h));
        rows.applications().forEach(a -> {
            applications.put(a.id(), a);
            applicationsByHost.computeIfAbsent(a.hostId(), id -> new ArrayList<>()).add(a);
        });
        group(rows.hostOptions(), hostOptions);
        group(rows.applicationOptions(), applicationOptions);
        group(rows.applicationAnnexOptions(), applicationAnnexes);
        rows.ports().forEach(p -> {
            ports.put(p.id(), p);
            portsByApplication.computeIfAbsent(p.applicationId(), id -> new ArrayList<>()).add(p);
        });
        portsByApplication.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.ordinal(), b.ordinal())));
        applicationsByHost.values().forEach(list -> list.sort((a, b) -> a.name().compareToIgnoreCase(b.name())));
    }

    private static void group(List<OptionRow> options, Map<Long, SortedMap<String, String>> into) {
        options.forEach(o -> into.computeIfAbsent(o.ownerId(), id -> new TreeMap<>()).put(o.key(), o.value()));
    }

    SortedMap<String, String> hostSection(long hostId) {
        return hostOptions.getOrDefault(hostId, new TreeMap<>());
    }

    SortedMap<String, String> applicationSection(long applicationId) {
        return applicationOptions.getOrDefault(applicationId, new TreeMap<>());
    }

    SortedMap<String, String> applicationAnnex(long applicationId) {
        return applicationAnnexes.getOrDefault(applicationId, new TreeMap<>());
    }

    List<ApplicationRow> applicationsOn(long hostId) {
        return applicationsByHost.getOrDefault(hostId, List.of());
    }

    List<PortRow> portsOf(long applicationId) {
        return portsByApplication.getOrDefault(applicationId, List.of());
    }
}
