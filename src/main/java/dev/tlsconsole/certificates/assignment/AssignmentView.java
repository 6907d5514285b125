package dev.tlsconsole.certificates.assignment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.PolicySummary;

/**
 * An assignment (or its preview) as the API and the screens show it.
 *
 * @param os     the OS of the host whose TLS stack reads the options ({@code WINDOWS} or {@code UNIX})
 * @param set    the options written at the target's level
 * @param unset  the options removed there
 * @param files  the files a UNIX host needs at the paths written (none for Windows)
 * @param impact the connections reachable from the target and those whose mode, protocol, grade or findings change
 */
public record AssignmentView(long certificateId, String certificate, Target target, String os, Map<String, String> set,
        List<String> unset, List<File> files, Impact impact) {

    /**
     * The object the options are written on. Named in the OpenAPI document apart from the request's
     * {@link AssignmentTarget} (its prefixed name would be the same, and one schema would hide the other).
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AssignedTarget")
    public record Target(String type, long id, String name, String host) {
    }

    /** A file to deploy. */
    public record File(String path, String kind) {
    }

    /** {@code impacted} connections recomputed; {@code changed} those that differ. */
    public record Impact(int impacted, List<Change> changed) {
    }

    /** One connection before and after. */
    public record Change(long connectionId, String connection, Summary before, Summary after) {
    }

    /** Mode, negotiated protocol (null when none), grade and finding codes of a connection. */
    public record Summary(String mode, String protocol, String grade, List<String> findings) {

        static Summary of(PolicySummary summary) {
            return new Summary(summary.mode().name(), summary.protocol().map(Enum::name).orElse(null), summary.grade().label(),
                    summary.findings().stream().map(FindingCode::name).toList());
        }
    }

    static AssignmentView of(AssignmentService.Preview preview) {
        AssignmentPlan plan = preview.plan();
        List<Change> changes = preview.impact().result().changed().stream()
                .map(c -> new Change(c.connectionId(), preview.impact().labels().getOrDefault(c.connectionId(), "#" + c.connectionId()),
                        Summary.of(c.before()), Summary.of(c.after())))
                .toList();
        return new AssignmentView(plan.certificateId(), plan.certificateName(),
                new Target(plan.type().name(), plan.targetId(), plan.targetName(), plan.hostName()), plan.os().name(),
                new TreeMap<>(plan.set()), plan.unset().stream().sorted().toList(),
                plan.files().stream().map(f -> new File(f.path(), f.kind())).toList(),
                new Impact(preview.impact().result().impacted(), changes));
    }
}
