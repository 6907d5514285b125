package dev.tlsconsole.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The collapsed topology graph as {@code GET /api/v1/graph/hosts} answers it: the same selection as
 * {@code GET /api/v1/graph}, with every host folded into one node and its edges into one line per pair
 * of hosts. {@code applications} and {@code connections} count what the uncollapsed graph holds; a
 * node's {@code applications} are the applications of that graph on the host. Expanding a host is
 * {@code GET /api/v1/graph?hostId=<id>} with the same filters.
 */
public record HostGraph(int applications, int connections, List<Host> nodes, List<Link> edges) {

    /**
     * A host ({@code host:<id>}) with the number of its applications in the selection and the worst
     * grade of the edges at its applications.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Host(String id, long hostId, String name, String osType, int applications, String worstGrade) {
    }

    /**
     * The edges between two hosts, whichever way they go ({@code source} is the host with the smaller
     * id; the edges within one host have {@code source} = {@code target}): how many ({@code count}, a
     * line to an HA backup counted as an edge) and the worst grade's letter. Id
     * {@code hosts:<source id>:<target id>}.
     */
    public record Link(String id, String source, String target, int count, String grade) {
    }
}
