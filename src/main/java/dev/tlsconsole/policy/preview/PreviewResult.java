package dev.tlsconsole.policy.preview;

import dev.tlsconsole.policy.effective.PolicySummary;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code POST /preview}.
 *
 * @param impacted how many connections were recomputed because they are reachable from the changes
 * @param changed  those whose mode, protocol, grade or finding codes differ, in snapshot order
 */
public record PreviewResult(int impacted, List<ConnectionChange> changed) {

    public PreviewResult {
        changed = List.copyOf(changed);
    }

    /** One connection's summary before and after the staged changes. */
    public record ConnectionChange(long connectionId, PolicySummary before, PolicySummary after) {
        public ConnectionChange {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }
}
