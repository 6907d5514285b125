package dev.tlsconsole.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The topology graph as {@code GET /api/v1/graph} answers it (and the {@code /graph} page draws it).
 * Node ids are {@code host:<id>} and {@code app:<id>}, edge ids {@code conn:<id>} (and
 * {@code conn:<id>:backup} for the same connection drawn to the server's HA backup).
 */
public record Graph(List<Node> nodes, List<Edge> edges) {

    /**
     * A host ({@code type} HOST, with {@code osType}) or an application ({@code type} APPLICATION, with
     * {@code parent}, {@code componentType}, {@code worstGrade} over all its connections, and
     * {@code backup}: the node id of its HA backup, when it has one).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String id, @Schema(allowableValues = {"HOST", "APPLICATION"}) String type, String name,
            @Schema(allowableValues = {"WINDOWS", "UNIX"}) String osType, String parent, String componentType,
            String worstGrade, String backup) {

        static Node host(long id, String name, String osType) {
            return new Node(hostId(id), "HOST", name, osType, null, null, null, null);
        }

        static Node application(long id, String name, long hostId, String componentType, String worstGrade,
                Long backupId) {
            return new Node(applicationId(id), "APPLICATION", name, null, hostId(hostId), componentType, worstGrade,
                    backupId == null ? null : applicationId(backupId));
        }
    }

    /**
     * A connection from the client ({@code source}) to the server ({@code target}); {@code backup} is
     * true for the edge drawn to the server's HA backup, which the client uses when the primary fails.
     * {@code protocol} is null for plaintext or when the sides cannot agree.
     */
    public record Edge(String id, long connectionId, String source, String target, String portId,
            @Schema(allowableValues = {"PLAINTEXT", "AUTO_DETECT", "ENCRYPTION_ONLY", "SIMPLE_TLS", "MUTUAL_TLS"}) String mode,
            @Schema(nullable = true, allowableValues = {"SSLv3", "TLSv1", "TLSv11", "TLSv12", "TLSv13"}) String protocol,
            @Schema(allowableValues = {"A+", "A", "B", "C", "F", "-"}) String grade, boolean backup) {
    }

    static String hostId(long id) {
        return "host:" + id;
    }

    static String applicationId(long id) {
        return "app:" + id;
    }
}
