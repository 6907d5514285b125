package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.PolicySummary;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.preview.PreviewResult;
import dev.tlsconsole.policy.snapshot.InvalidChangeException;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.StagedChange;

/**
 * The effective policy as the console's screens and API ask for it, answered from the cached
 * resolution of the current revision. Reading and previewing change nothing, so every signed-in role
 * may do both (an auditor included).
 */
@Service
public class EffectivePolicies {

    private final ResolutionCache cache;
    private final LiveEngine engine;

    EffectivePolicies(ResolutionCache cache, LiveEngine engine) {
        this.cache = cache;
        this.engine = engine;
    }

    /** The effective policy of one connection; {@link NotFoundException} when there is none with that id. */
    @PreAuthorize("isAuthenticated()")
    public EffectivePolicy get(long connectionId) {
        return cache.current().policy(connectionId).orElseThrow(() -> NotFoundException.of("Connection", connectionId));
    }

    /** A page of the connections matching {@code filter}; sort properties are those of {@link PolicySort}. */
    @PreAuthorize("isAuthenticated()")
    public Page<PolicyRow> list(PolicyFilter filter, Pageable pageable) {
        return cache.current().page(filter, pageable);
    }

    /** Every connection matching {@code filter}, in the cache's order (the topology graph's edges). */
    @PreAuthorize("isAuthenticated()")
    public List<PolicyRow> all(PolicyFilter filter) {
        return cache.current().matching(filter);
    }

    /** Counts by grade, mode and finding. */
    @PreAuthorize("isAuthenticated()")
    public PolicyStatistics statistics() {
        return cache.current().statistics();
    }

    /** Connections and grades per (client type, server type), for the matrix overlay. */
    @PreAuthorize("isAuthenticated()")
    public List<MatrixOverlay.Pair> matrixOverlay() {
        return cache.current().overlay();
    }

    /** The connections whose policy depends on this object's options (a host's or an application's page). */
    @PreAuthorize("isAuthenticated()")
    public List<PolicyRow> reachableFrom(ObjectType type, long id) {
        return cache.current().reachableFrom(type, id);
    }

    /**
     * What the staged changes would do, without saving anything: the connections recomputed and those
     * whose mode, protocol, grade or findings change. Every problem with the changes is a 400 listing
     * them all (unknown target, invalid value, option not read at that level).
     */
    @PreAuthorize("isAuthenticated()")
    public Impact preview(List<PolicyChange> changes) {
        ResolvedTopology resolved = cache.current();
        return run(resolved, PreviewTargets.staged(resolved, changes));
    }

    /**
     * The options editors' preview: the object's options (a {@code [security]} section, or a port's or
     * connection's transport parameters) replaced by {@code options} as a whole, so options missing from
     * it are removed. {@link NotFoundException} when the object does not exist (any more).
     */
    @PreAuthorize("isAuthenticated()")
    public Impact previewReplacing(ObjectType type, long id, Map<String, String> options) {
        ResolvedTopology resolved = cache.current();
        Set<String> unset = new HashSet<>(resolved.optionKeys(type, id)
                .orElseThrow(() -> NotFoundException.of(type.name().charAt(0) + type.name().substring(1).toLowerCase(), id)));
        unset.removeAll(options.keySet());
        List<FieldProblem> problems = new ArrayList<>();
        options.forEach((key, value) -> SecurityOption.validate(type.level(), key, value)
                .ifPresent(message -> problems.add(new FieldProblem("security." + key, message))));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return run(resolved, List.of(new StagedChange(type, id, options, unset)));
    }

    /** The row id of an application's port, for the port options editor's preview. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Long> portRowId(long applicationId, String portId) {
        return cache.current().portRowId(applicationId, portId);
    }

    private Impact run(ResolvedTopology resolved, List<StagedChange> staged) {
        PreviewResult result;
        try {
            result = engine.preview(resolved.snapshot(), staged);
        } catch (InvalidChangeException e) {
            throw InvalidInputException.of("changes", e.getMessage());
        }
        List<ChangedConnection> changed = new ArrayList<>();
        for (PreviewResult.ConnectionChange change : result.changed()) {
            changed.add(new ChangedConnection(resolved.row(change.connectionId()).orElseThrow(), change.before(),
                    change.after()));
        }
        return new Impact(result.impacted(), changed);
    }

    /** What a preview found: how many connections were recomputed, and those that change. */
    public record Impact(int impacted, List<ChangedConnection> changed) {
    }

    /** A connection whose mode, protocol, grade or findings would change. */
    public record ChangedConnection(PolicyRow connection, PolicySummary before, PolicySummary after) {
    }
}
