package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;

/**
 * How many connections have each grade and mode, and how many have each finding (errors first, then
 * warnings, then notes; the most widespread first within each severity).
 */
public record PolicyStatistics(int connections, Map<Grade, Integer> grades, Map<Mode, Integer> modes,
        List<FindingCount> findings) {

    static PolicyStatistics of(PolicyRow[] rows) {
        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        Map<Mode, Integer> modes = new EnumMap<>(Mode.class);
        int[] codes = new int[FindingCode.values().length];
        for (Grade grade : Grade.values()) {
            grades.put(grade, 0);
        }
        for (Mode mode : Mode.values()) {
            modes.put(mode, 0);
        }
        for (PolicyRow row : rows) {
            grades.merge(row.grade(), 1, Integer::sum);
            modes.merge(row.mode(), 1, Integer::sum);
            long bits = row.codeBits();
            while (bits != 0) {
                codes[Long.numberOfTrailingZeros(bits)]++;
                bits &= bits - 1;
            }
        }
        List<FindingCount> findings = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            if (codes[code.ordinal()] > 0) {
                findings.add(new FindingCount(code, codes[code.ordinal()]));
            }
        }
        // what breaks first, then what is weak, then notes; the most widespread first within each
        findings.sort(Comparator.comparing((FindingCount f) -> f.code().severity())
                .thenComparing(Comparator.comparingInt(FindingCount::connections).reversed())
                .thenComparing(FindingCount::code));
        return new PolicyStatistics(rows.length, grades, modes, List.copyOf(findings));
    }

    /** A finding code and how many connections have it. */
    public record FindingCount(FindingCode code, int connections) {
    }
}
