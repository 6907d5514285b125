package dev.tlsconsole.policy;

import java.util.List;
import java.util.Optional;

/**
 * What the policy engine needs to know from the supported-component matrix (the catalog feature
 * implements it). Kept here so the engine stays pure Java and can be tested with a hand-made table.
 */
public interface LinkRules {

    /**
     * Judges a connection from a client component to a server component's listening port.
     *
     * @param clientType     catalog component name (or alias) of the client application
     * @param clientVersion  the client application's version, or null when unknown
     * @param serverType     catalog component name (or alias) of the server application
     * @param serverVersion  the server application's version, or null when unknown
     * @param portId         the server port's id ({@code default}, an alternate name, {@code ESP}, …)
     */
    LinkVerdict check(String clientType, Version clientVersion, String serverType, Version serverVersion, String portId);

    /** True for Configuration Server and Configuration Server Proxy: the only components with auto-detect ports. */
    boolean supportsAutoDetect(String componentType);

    /**
     * For components configured only from their own file (LCA {@code lca.cfg}, GDA {@code gda.cfg}):
     * the file name to show; empty otherwise.
     */
    Optional<String> configFileOnly(String componentType);

    /** The verdict on one (client, server, port) triple. */
    record LinkVerdict(boolean listed, List<Problem> problems, List<String> productNotes, String linkDescription) {
        public LinkVerdict {
            problems = List.copyOf(problems);
            productNotes = List.copyOf(productNotes);
        }

        public boolean supported() {
            return listed && problems.isEmpty();
        }
    }

    /** One reason the link is not supported as configured. */
    record Problem(Kind kind, String message) {
    }

    enum Kind {
        /** the component pair is not in the matrix (finding LINK_NOT_SUPPORTED) */
        NOT_LISTED,
        /** a side's version is below the matrix minimum (finding VERSION_TOO_OLD) */
        VERSION_TOO_OLD,
        /** the link requires a port name such as ESP and the port has another (finding PORT_NAME_REQUIRED) */
        PORT_NAME_REQUIRED,
        /** a component name the catalog does not know */
        UNKNOWN_COMPONENT
    }
}
