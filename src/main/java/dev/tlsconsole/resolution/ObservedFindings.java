package dev.tlsconsole.resolution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Severity;

/**
 * Plug-in point for what was observed on the running processes (the probes feature implements it), so
 * the effective policy can show it next to what the configuration declares without this feature
 * knowing how it was observed. The declared grade stays a function of the configuration alone (lists,
 * previews and metrics compare like with like); the observed grade is that grade capped by what was seen.
 */
public interface ObservedFindings {

    /** The findings of the latest probe of the connection's server port; empty when it was never probed. */
    Optional<Observation> forConnection(long connectionId);

    /** {@link #forConnection} for a policy already at hand (its server port says which probe counts). */
    default Optional<Observation> forPolicy(EffectivePolicy policy) {
        return forConnection(policy.connectionId());
    }

    /** @param probeId the probe the findings come from */
    record Observation(long probeId, Instant at, List<Item> findings) {
        public Observation {
            findings = List.copyOf(findings);
        }
    }

    record Item(FindingCode code, String message) {
    }

    /** An observed error fails the connection ({@code F}); an observed warning caps it at {@code B}. */
    static Grade capped(Grade declared, List<Item> observed) {
        boolean error = observed.stream().anyMatch(i -> i.code().severity() == Severity.ERROR);
        boolean warning = observed.stream().anyMatch(i -> i.code().severity() == Severity.WARNING);
        if (error) {
            return Grade.F;
        }
        if (warning && (declared == Grade.A_PLUS || declared == Grade.A)) {
            return Grade.B;
        }
        return declared;
    }
}
