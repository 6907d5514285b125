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

    /**
     * The graph of {@code query} with every host collapsed: one node per host, one link per pair of
     * hosts (worst grade, number of edges). What {@code /graph} draws first when the selection is large.
     */
    @PreAuthorize("isAuthenticated()")
    public HostGraph hosts(GraphQuery query) {
        return fold(graph(query));
    }

    /**
     * The edges of {@code query} with an end (client, server or the server's HA backup) on one of
     * {@code hostIds}, and their ends: what expanding those collapsed hosts draws.
     */
    @PreAuthorize("isAuthenticated()")
    public Graph around(GraphQuery query, Set<Long> hostIds) {
        Graph all = graph(query);
        Set<String> hostNodes = new HashSet<>();
        hostIds.forEach(id -> hostNodes.add(Graph.hostId(id)));
        Map<String, String> hostOf = new HashMap<>();
        for (Graph.Node node : all.nodes()) {
            if (node.parent() != null) {
                hostOf.put(node.id(), node.parent());
            }
        }
        List<Graph.Edge> edges = all.edges().stream().filter(e -> hostNodes.contains(hostOf.get(e.source()))
                || hostNodes.contains(hostOf.get(e.target()))).toList();
        Set<String> ends = new HashSet<>();
        for (Graph.Edge edge : edges) {
            ends.add(edge.source());
            ends.add(edge.target());
            ends.add(hostOf.get(edge.source()));
            ends.add(hostOf.get(edge.target()));
        }
        return new Graph(all.nodes().stream().filter(n -> ends.contains(n.id())).toList(), edges);
    }

    /**
     * The collapsed view's link ({@code hosts:<id>:<id>}) of each of {@code connectionIds}: where a
     * preview's changed connections are marked while their hosts are collapsed.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> linkIds(Set<Long> connectionIds) {
        Map<Long, String> links = new HashMap<>();
        if (connectionIds.isEmpty()) {
            return links;
        }
        for (PolicyRow row : policies.all(PolicyFilter.NONE)) {
            if (connectionIds.contains(row.connectionId())) {
                long a = Math.min(row.clientHostId(), row.serverHostId());
                long b = Math.max(row.clientHostId(), row.serverHostId());
                links.put(row.connectionId(), "hosts:" + a + ":" + b);
            }
        }
        return links;
    }

    static HostGraph fold(Graph graph) {
        Map<String, Grade> grades = new HashMap<>();
        for (Grade grade : Grade.values()) {
            grades.put(grade.label(), grade);
        }
        Map<String, String> hostOf = new HashMap<>();
        Map<String, Integer> applications = new HashMap<>();
        Map<String, Grade> worstAt = new HashMap<>();
        for (Graph.Node node : graph.nodes()) {
            if (node.parent() != null) {
                hostOf.put(node.id(), node.parent());
                applications.merge(node.parent(), 1, Integer::sum);
            }
        }
        Map<String, LinkBuilder> links = new LinkedHashMap<>();
        Set<Long> connections = new HashSet<>();
        for (Graph.Edge edge : graph.edges()) {
            connections.add(edge.connectionId());
            String from = hostOf.get(edge.source());
            String to = hostOf.get(edge.target());
            Grade grade = grades.get(edge.grade());
            worstAt.merge(from, grade, TopologyGraph::worse);
            worstAt.merge(to, grade, TopologyGraph::worse);
            boolean ordered = hostNumber(from) <= hostNumber(to);
            String source = ordered ? from : to;
            String target = ordered ? to : from;
            links.computeIfAbsent(source + "|" + target, key -> new LinkBuilder(source, target)).add(grade);
        }
        List<HostGraph.Host> hosts = new ArrayList<>();
        int applicationCount = 0;
        for (Graph.Node node : graph.nodes()) {
            if (node.parent() == null) {
                Grade worst = worstAt.get(node.id());
                hosts.add(new HostGraph.Host(node.id(), hostNumber(node.id()), node.name(), node.osType(),
                        applications.getOrDefault(node.id(), 0), worst == null ? null : worst.label()));
            } else {
                applicationCount++;
            }
        }
        List<HostGraph.Link> result = new ArrayList<>(links.size());
        links.values().forEach(link -> result.add(link.build()));
        return new HostGraph(applicationCount, connections.size(), hosts, result);
    }

    private static long hostNumber(String nodeId) {
        return Long.parseLong(nodeId.substring("host:".length()));
    }

    private static final class LinkBuilder {
        private final String source;
        private final String target;
        private int count;
        private Grade worst;

        LinkBuilder(String source, String target) {
            this.source = source;
            this.target = target;
        }

        void add(Grade grade) {
            count++;
            worst = worst == null ? grade : worst.worse(grade);
        }

        HostGraph.Link build() {
            return new HostGraph.Link("hosts:" + hostNumber(source) + ":" + hostNumber(target), source, target, count,
                    worst.label());
        }
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
