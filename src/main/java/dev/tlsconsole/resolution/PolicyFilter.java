package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.Severity;

/**
 * The filters of the policies list (API and page alike). Within one filter the values are alternatives
 * ({@code grade=F&grade=C}); the filters combine with "and". Empty values are ignored, because the
 * page's selects send them for "any".
 *
 * @param severities connections with at least one finding of one of these severities
 * @param codes      connections with at least one of these findings
 * @param text       lower case; matched against the names of both ends, their hosts and the port id
 * @param clientType the client's component type (catalog name, any case), empty for any: the matrix overlay's links
 * @param serverType the server's component type, empty for any
 */
public record PolicyFilter(Set<Grade> grades, Set<Mode> modes, Set<Severity> severities, Set<FindingCode> codes,
        String text, String clientType, String serverType) {

    public static final PolicyFilter NONE = new PolicyFilter(Set.of(), Set.of(), Set.of(), Set.of(), "", "", "");

    /** Without the component-type filters. */
    public PolicyFilter(Set<Grade> grades, Set<Mode> modes, Set<Severity> severities, Set<FindingCode> codes, String text) {
        this(grades, modes, severities, codes, text, "", "");
    }

    public PolicyFilter {
        grades = Set.copyOf(grades);
        modes = Set.copyOf(modes);
        severities = Set.copyOf(severities);
        codes = Set.copyOf(codes);
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        clientType = clientType == null ? "" : clientType.strip();
        serverType = serverType == null ? "" : serverType.strip();
    }

    /**
     * The values of a repeatable query parameter as sent, split at commas but not trimmed: Spring's conversion to a
     * {@code List} trims each value, which turns an unencoded {@code grade=A+} (a space after decoding) into
     * {@code A}; read untrimmed it stays {@code A+} (see {@link #grade}).
     */
    public static List<String> untrimmed(String[] values) {
        if (values == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            out.addAll(Arrays.asList(value.split(",", -1)));
        }
        return out;
    }

    /** Parses request parameters; every unknown value is reported at once, naming its parameter. */
    public static PolicyFilter parse(List<String> grade, List<String> mode, List<String> severity, List<String> code,
            String q) {
        return parse(grade, mode, severity, code, q, null, null);
    }

    /** Parses request parameters, with the component-type filters of the matrix overlay's links. */
    public static PolicyFilter parse(List<String> grade, List<String> mode, List<String> severity, List<String> code,
            String q, String clientType, String serverType) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Grade> grades = values("grade", grade, Grade.class, PolicyFilter::grade, problems);
        Set<Mode> modes = values("mode", mode, Mode.class, m -> Mode.valueOf(m.toUpperCase(Locale.ROOT)), problems);
        Set<Severity> severities = values("severity", severity, Severity.class,
                s -> Severity.valueOf(s.toUpperCase(Locale.ROOT)), problems);
        Set<FindingCode> codes = values("code", code, FindingCode.class,
                c -> FindingCode.valueOf(c.toUpperCase(Locale.ROOT)), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PolicyFilter(grades, modes, severities, codes, q, clientType, serverType);
    }

    /** Called for every connection of the topology on each list request, so it allocates nothing. */
    public boolean matches(PolicyRow row) {
        if (!grades.isEmpty() && !grades.contains(row.grade())) {
            return false;
        }
        if (!modes.isEmpty() && !modes.contains(row.mode())) {
            return false;
        }
        if (!severities.isEmpty() && !hasSeverity(row)) {
            return false;
        }
        if (!codes.isEmpty() && (row.codeBits() & codeBits()) == 0) {
            return false;
        }
        if (!clientType.isEmpty() && !clientType.equalsIgnoreCase(row.clientType())) {
            return false;
        }
        if (!serverType.isEmpty() && !serverType.equalsIgnoreCase(row.serverType())) {
            return false;
        }
        return text.isEmpty() || row.mentions(text);
    }

    private boolean hasSeverity(PolicyRow row) {
        for (Severity severity : severities) {
            if (row.count(severity) > 0) {
                return true;
            }
        }
        return false;
    }

    private long codeBits() {
        long bits = 0;
        for (FindingCode code : codes) {
            bits |= PolicyRow.bit(code);
        }
        return bits;
    }

    /** True when no filter is set. */
    public boolean isEmpty() {
        return grades.isEmpty() && modes.isEmpty() && severities.isEmpty() && codes.isEmpty() && text.isEmpty()
                && clientType.isEmpty() && serverType.isEmpty();
    }

    /**
     * A grade as the badge shows it ({@code A+}, {@code -}) or as the enum names it. An unencoded
     * {@code +} in a query string arrives as a space, so {@code "A "} is read as {@code A+}, not as {@code A}.
     */
    static Grade grade(String raw) {
        if (raw.equals("A ") || raw.strip().equals("A+")) {
            return Grade.A_PLUS;
        }
        String value = raw.strip();
        for (Grade grade : Grade.values()) {
            if (grade.label().equals(value) || grade.name().equalsIgnoreCase(value)) {
                return grade;
            }
        }
        throw new IllegalArgumentException(raw);
    }

    private static <E extends Enum<E>> Set<E> values(String parameter, List<String> raw, Class<E> type,
            Function<String, E> parser, List<FieldProblem> problems) {
        Set<E> values = EnumSet.noneOf(type);
        if (raw == null) {
            return values;
        }
        for (String value : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                values.add(parser.apply(value));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(parameter, "'" + value.strip() + "' is not a " + parameter + ": use one of "
                        + allowed(type)));
            }
        }
        return values;
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        if (type == Grade.class) {
            return Arrays.stream(Grade.values()).map(Grade::label).collect(Collectors.joining(", "));
        }
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
