package dev.tlsconsole.policy.effective;

import java.util.ArrayList;
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
        // a backup's findings count too: a change that breaks only the failover is a change (reference §8 E1)
        List<FindingCode> codes = new ArrayList<>(policy.findings().stream().map(Finding::code).toList());
        policy.backup().ifPresent(backup -> backup.findings().forEach(f -> codes.add(f.code())));
        return new PolicySummary(policy.mode(), policy.protocol(), policy.grade(), codes);
    }
}
