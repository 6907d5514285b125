package dev.tlsconsole.policy.preview;

import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.PolicySummary;
import dev.tlsconsole.policy.snapshot.InvalidChangeException;
import dev.tlsconsole.policy.snapshot.StagedChange;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Previews staged changes before they are saved. Only connections reachable from a changed object are
 * recomputed — HOST: every connection whose client or server runs on it; APPLICATION: those where it
 * is client or server; PORT: those to it; CONNECTION: itself — once on the original snapshot and once
 * on an overlay carrying the changes. The original snapshot is never modified.
 */
public final class PolicyPreview {

    private final PolicyResolver resolver;

    public PolicyPreview(PolicyResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Throws {@link InvalidChangeException} (a user error) when a change targets an unknown object or
     * sets a value that could not be saved.
     */
    public PreviewResult preview(TopologySnapshot snapshot, List<StagedChange> changes, PolicySettings settings) {
        TopologySnapshot changed = snapshot.withChanges(changes);
        int[] impacted = impacted(snapshot, changes);
        // one instant for both sides of the comparison, so that nothing differs just because time passed
        PolicySettings frozen = new PolicySettings(Clock.fixed(settings.clock().instant(), settings.clock().getZone()),
                settings.expiryWarning(), settings.windowsMinimum(), settings.windowsMaximum());
        List<EffectivePolicy> before = resolver.resolveAt(snapshot, impacted, frozen);
        List<EffectivePolicy> after = resolver.resolveAt(changed, impacted, frozen);
        List<PreviewResult.ConnectionChange> differences = new ArrayList<>();
        for (int i = 0; i < impacted.length; i++) {
            PolicySummary was = before.get(i).summary();
            PolicySummary becomes = after.get(i).summary();
            if (!was.equals(becomes)) {
                differences.add(new PreviewResult.ConnectionChange(before.get(i).connectionId(), was, becomes));
            }
        }
        return new PreviewResult(impacted.length, differences);
    }

    private static int[] impacted(TopologySnapshot snapshot, List<StagedChange> changes) {
        BitSet reachable = new BitSet(snapshot.connectionCount());
        for (StagedChange change : changes) {
            for (int index : snapshot.reachableConnections(change.targetType(), change.targetId())) {
                reachable.set(index);
            }
        }
        return reachable.stream().toArray();
    }
}
