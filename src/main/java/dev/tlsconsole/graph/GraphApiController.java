package dev.tlsconsole.graph;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.resolution.PolicyFilter;

/** {@code GET /api/v1/graph}: the topology graph, its edges selected by the filters. */
@ApiController
class GraphApiController {

    private final TopologyGraph graph;

    GraphApiController(TopologyGraph graph) {
        this.graph = graph;
    }

    /**
     * {@code grade}, {@code mode} and {@code code} may be repeated (alternatives); {@code host} is a host
     * name at either end, {@code componentType} a component type at either end, {@code q} searches names;
     * {@code focus} (an application name) with {@code hops} (1–5) keeps that application's neighbourhood;
     * {@code hostId} (may be repeated) keeps the edges with an end on that host (expanding a collapsed host).
     */
    @Operation(operationId = "getGraph")
    @GetMapping("/graph")
    Graph graph(@RequestParam(required = false) List<String> grade, @RequestParam(required = false) List<String> mode,
            @RequestParam(required = false) List<String> code, @RequestParam(required = false) String host,
            @RequestParam(required = false) String componentType, @RequestParam(required = false) String q,
            @RequestParam(required = false) String focus, @RequestParam(required = false) String hops,
            @RequestParam(required = false) List<String> hostId, jakarta.servlet.http.HttpServletRequest request) {
        GraphQuery query = GraphQuery.parse(PolicyFilter.untrimmed(request.getParameterValues("grade")), mode, code, host,
                componentType, q, focus, hops);
        Set<Long> hosts = GraphQuery.hostIds(hostId);
        return hosts.isEmpty() ? graph.graph(query) : graph.around(query, hosts);
    }

    /** The same selection with every host collapsed: hosts and one link per pair of hosts (worst grade, count). */
    @Operation(operationId = "getHostGraph")
    @GetMapping("/graph/hosts")
    HostGraph hostGraph(@RequestParam(required = false) List<String> grade, @RequestParam(required = false) List<String> mode,
            @RequestParam(required = false) List<String> code, @RequestParam(required = false) String host,
            @RequestParam(required = false) String componentType, @RequestParam(required = false) String q,
            @RequestParam(required = false) String focus, @RequestParam(required = false) String hops,
            jakarta.servlet.http.HttpServletRequest request) {
        return graph.hosts(GraphQuery.parse(PolicyFilter.untrimmed(request.getParameterValues("grade")), mode, code, host,
                componentType, q, focus, hops));
    }
}
