package dev.tlsconsole.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.resolution.EffectivePolicies;
import dev.tlsconsole.resolution.PolicyFilter;
import dev.tlsconsole.resolution.PolicyRow;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.topology.TopologyReader;

/**
 * Builds the topology graph from the cached effective policies (one row per connection, with both
 * ends' names, hosts and component types) and the hosts' and applications' read records (operating
 * system, HA backup). Reading changes nothing, so every signed-in role may do it.
 */
@Service
public class TopologyGraph {

    private final EffectivePolicies policies;
    private final TopologyReader reader;

    TopologyGraph(EffectivePolicies policies, TopologyReader reader) {
        this.policies = policies;
        this.reader = reader;
    }

    @PreAuthorize("isAuthenticated()")
    public Graph graph(GraphQuery query) {
        List<PolicyRow> all = policies.all(PolicyFilter.NONE);
        Map<Long, Grade> worst = new HashMap<>();
        List<PolicyRow> selected = new ArrayList<>();
        for (PolicyRow row : all) {
            worst.merge(row.clientId(), row.grade(), TopologyGraph::worse);
            worst.merge(row.serverId(), row.grade(), TopologyGraph::worse);
            if (query.selects(row)) {
                selected.add(row);
            }
        }
        Map<Long, TopologyReader.ApplicationRow> applications = new HashMap<>();
        for (TopologyReader.ApplicationRow application : reader.applications()) {
            applications.put(application.id(), application);
        }
        if (query.focused()) {
            selected = neighbourhood(selected, applications, focusId(query, applications), query.hops());
        }
        Map<Long, TopologyReader.HostRow> hosts = new HashMap<>();
        for (TopologyReader.HostRow host : reader.hosts()) {
            hosts.put(host.id(), host);
        }

        List<Graph.Edge> edges = new ArrayList<>(selected.size());
        Map<Long, AppEnd> ends = new LinkedHashMap<>();
        for (PolicyRow row : selected) {
            String mode = row.mode().name();
            String protocol = row.protocol() == null ? null : row.protocol().name();
            String grade = row.gradeLabel();
            edges.add(new Graph.Edge("conn:" + row.connectionId(), row.connectionId(), Graph.applicationId(row.clientId()),
                    Graph.applicationId(row.serverId()), row.portId(), mode, protocol, grade, false));
            ends.putIfAbsent(row.clientId(), new AppEnd(row.clientId(), row.client(), row.clientHostId(), row.clientHost(),
                    row.clientType()));
            ends.putIfAbsent(row.serverId(), new AppEnd(row.serverId(), row.server(), row.serverHostId(), row.serverHost(),
                    row.serverType()));
            TopologyReader.ApplicationRow server = applications.get(row.serverId());
            TopologyReader.ApplicationRow backup = server == null || server.backupId() == null ? null
                    : applications.get(server.backupId());
            if (backup != null) {
                edges.add(new Graph.Edge("conn:" + row.connectionId() + ":backup", row.connectionId(),
                        Graph.applicationId(row.clientId()), Graph.applicationId(backup.id()), row.portId(), mode, protocol,
                        grade, true));
                TopologyReader.HostRow backupHost = hosts.get(backup.hostId());
                ends.putIfAbsent(backup.id(), new AppEnd(backup.id(), backup.name(), backup.hostId(),
                        backupHost == null ? "" : backupHost.name(), backup.componentType()));
            }
        }

        Map<Long, Graph.Node> hostNodes = new HashMap<>();
        List<Graph.Node> applicationNodes = new ArrayList<>(ends.size());
        for (AppEnd end : ends.values()) {
            TopologyReader.HostRow host = hosts.get(end.hostId());
            hostNodes.computeIfAbsent(end.hostId(), id -> Graph.Node.host(id, end.hostName(),
                    host == null ? null : host.osType().name()));
            TopologyReader.ApplicationRow application = applications.get(end.id());
            Grade worstGrade = worst.get(end.id());
            applicationNodes.add(Graph.Node.application(end.id(), end.name(), end.hostId(), end.componentType(),
                    worstGrade == null ? null : worstGrade.label(), application == null ? null : application.backupId()));
        }
        List<Graph.Node> nodes = new ArrayList<>(hostNodes.size() + applicationNodes.size());
        hostNodes.values().stream().sorted(Comparator.comparing(Graph.Node::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(nodes::add);
        applicationNodes.sort(Comparator.comparing(Graph.Node::name, String.CASE_INSENSITIVE_ORDER));
        nodes.addAll(applicationNodes);
        return new Graph(nodes, edges);
    }

    private static long focusId(GraphQuery query, Map<Long, TopologyReader.ApplicationRow> applications) {
        for (TopologyReader.ApplicationRow application : applications.values()) {
            if (application.name().equalsIgnoreCase(query.focus())) {
                return application.id();
            }
        }
        throw InvalidInputException.of("focus", "There is no application named '" + query.focus() + "'");
    }

    /**
     * The selected connections among applications within {@code hops} steps of {@code focus}; a step
     * is a connection or the link between the two halves of an HA pair.
     */
    private static List<PolicyRow> neighbourhood(List<PolicyRow> selected,
            Map<Long, TopologyReader.ApplicationRow> applications, long focus, int hops) {
        Map<Long, List<Long>> adjacent = new HashMap<>();
        for (PolicyRow row : selected) {
            adjacent.computeIfAbsent(row.clientId(), id -> new ArrayList<>()).add(row.serverId());
            adjacent.computeIfAbsent(row.serverId(), id -> new ArrayList<>()).add(row.clientId());
        }
        for (TopologyReader.ApplicationRow application : applications.values()) {
            if (application.backupId() != null) {
                adjacent.computeIfAbsent(application.id(), id -> new ArrayList<>()).add(application.backupId());
                adjacent.computeIfAbsent(application.backupId(), id -> new ArrayList<>()).add(application.id());
            }
        }
        Map<Long, Integer> distance = new HashMap<>();
        distance.put(focus, 0);
        Deque<Long> queue = new ArrayDeque<>(List.of(focus));
        while (!queue.isEmpty()) {
            long current = queue.removeFirst();
            int next = distance.get(current) + 1;
            if (next > hops) {
                continue;
            }
            for (long neighbour : adjacent.getOrDefault(current, List.of())) {
                if (distance.putIfAbsent(neighbour, next) == null) {
                    queue.addLast(neighbour);
                }
            }
        }
        Set<Long> kept = new HashSet<>(distance.keySet());
        return selected.stream().filter(row -> kept.contains(row.clientId()) && kept.contains(row.serverId())).toList();
    }

    /** F before "-" before C, B, A, A+: the badge an application would show for its weakest connection. */
    static Grade worse(Grade a, Grade b) {
        return a.worse(b);
    }

    private record AppEnd(long id, String name, long hostId, String hostName, String componentType) {
    }
}
