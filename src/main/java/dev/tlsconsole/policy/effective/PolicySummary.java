package dev.tlsconsole.policy.effective;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of an effective policy a preview compares: mode, protocol, grade and the finding codes
 * (sorted, repeated when a code occurs more than once so that fixing one of two shows as a change).
 */
public record PolicySummary(Mode mode, Optional<TlsVersion> protocol, Grade grade, List<FindingCode> findings) {

    public PolicySummary {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(grade, "grade");
        findings = findings.stream().sorted().toList();
    }

    static PolicySummary of(EffectivePolicy policy) {
        return new PolicySummary(policy.mode(), policy.protocol(), policy.grade(),
                policy.findings().stream().map(Finding::code).toList());
    }
}
