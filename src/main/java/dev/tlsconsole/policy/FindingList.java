package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Severity;
import java.util.ArrayList;
import java.util.List;

/** The findings of one connection while it is being put together; {@link #sorted()} freezes them. */
final class FindingList {

    private final List<Finding> findings = new ArrayList<>(8);

    void add(Finding finding) {
        findings.add(finding);
    }

    void addAll(List<Finding> more) {
        findings.addAll(more);
    }

    /** The live list, for helpers that append to a {@code List<Finding>}. */
    List<Finding> asList() {
        return findings;
    }

    boolean has(FindingCode code) {
        for (Finding finding : findings) {
            if (finding.code() == code) {
                return true;
            }
        }
        return false;
    }

    /** Errors, then warnings, then infos, each in the order they were found. */
    List<Finding> sorted() {
        if (findings.isEmpty()) {
            return List.of();
        }
        Finding[] out = new Finding[findings.size()];
        int n = 0;
        for (Severity severity : Severity.values()) {
            for (Finding finding : findings) {
                if (finding.severity() == severity) {
                    out[n++] = finding;
                }
            }
        }
        return List.of(out);
    }
}
