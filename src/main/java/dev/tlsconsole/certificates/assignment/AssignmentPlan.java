package dev.tlsconsole.certificates.assignment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tlsconsole.certificates.facts.FactsSnapshot.PlannedFile;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.StagedChange;
import dev.tlsconsole.policy.snapshot.OsType;

/**
 * What an assignment will write: the options at the target's level and, on UNIX, the files it names.
 *
 * @param targetId      the host, application, listening-port row or connection id
 * @param targetName    how users name the target ({@code confserv:default} for a port)
 * @param applicationId the port's application (PORT targets), else null
 * @param portId        the port's id (PORT targets), else null
 * @param os            the OS of the host whose TLS stack reads the options
 * @param set           options to set (Genesys names)
 * @param unset         options to remove at that level (a Windows target drops a stale {@code certificate-key})
 */
public record AssignmentPlan(long certificateId, String certificateName, ObjectType type, long targetId, String targetName,
        Long applicationId, String portId, OsType os, String hostName, Map<String, String> set, Set<String> unset,
        List<PlannedFile> files) {

    public AssignmentPlan {
        set = Map.copyOf(set);
        unset = Set.copyOf(unset);
        files = List.copyOf(files);
    }

    /** The plan as the policy engine's staged change. */
    public StagedChange change() {
        return new StagedChange(type, targetId, set, unset);
    }
}
