package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.Severity;

/**
 * The selects of the policy filter (grade, mode, severity, finding code) that the policies list and the graph
 * share, as option lists the one fragment {@code resolution/fragments :: filterSelects} draws: each with its
 * "any" first, then its values with the filter's choice selected.
 */
public final class PolicyFilterFields {

    private PolicyFilterFields() {
    }

    /**
     * One select: its request parameter (also its id and {@code data-testid="filter-<name>"}) and the message key of
     * its label.
     */
    public record Select(String name, String labelKey, List<Option> options) {
    }

    /**
     * One option: the value sent, its label (a message key, or for grades and codes, which read the same in every
     * language, the text itself) and whether the filter has it.
     */
    public record Option(String value, String messageKey, String text, boolean selected) {
    }

    /** The selects of {@code filter}; the graph leaves out the severity (its lines show the worst grade). */
    public static List<Select> of(PolicyFilter filter, boolean withSeverity) {
        List<Select> selects = new ArrayList<>();
        selects.add(new Select("grade", "policy.grade",
                options(Grade.values(), filter.grades(), Grade::label, grade -> null, Grade::label)));
        selects.add(new Select("mode", "policy.mode",
                options(Mode.values(), filter.modes(), Mode::name, mode -> "policy.mode." + mode, mode -> null)));
        if (withSeverity) {
            selects.add(new Select("severity", "policy.filter.severity", options(Severity.values(), filter.severities(),
                    Severity::name, severity -> "policy.filter.severity." + severity, severity -> null)));
        }
        selects.add(new Select("code", "policy.filter.code",
                options(FindingCode.values(), filter.codes(), FindingCode::name, code -> null, FindingCode::name)));
        return List.copyOf(selects);
    }

    private static <T> List<Option> options(T[] values, Set<T> chosen, Function<T, String> value, Function<T, String> messageKey,
            Function<T, String> text) {
        return Arrays.stream(values)
                .map(v -> new Option(value.apply(v), messageKey.apply(v), text.apply(v), chosen.contains(v)))
                .toList();
    }
}
