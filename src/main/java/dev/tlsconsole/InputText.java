package dev.tlsconsole;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tlsconsole.InvalidInputException.FieldProblem;

/**
 * The length and character rules every text of a write obeys before the database sees it: at most 255
 * characters on one line without control characters (NUL included), except the fields named below, which
 * hold longer text (PEM documents may span lines). Applied to the arguments of every audited operation —
 * strings, records (recursively), lists and maps — so an over-long or binary value is a 400 naming the
 * field, audited like every other refusal, and never a database error.
 */
public final class InputText {

    /** Longest text of an ordinary field (names, addresses, versions, passwords…). */
    public static final int MAX_LENGTH = 255;
    /** Longest value of an option ({@code [security]} entries, transport strings). */
    public static final int MAX_OPTION_LENGTH = 4000;
    private static final int MAX_DOCUMENT_LENGTH = 2_000_000;

    private record Limit(int maxLength, boolean multiLine) {
    }

    private static final Limit ORDINARY = new Limit(MAX_LENGTH, false);
    /** Transport strings: the transport parser refuses every control character itself, naming its position. */
    private static final Limit TRANSPORT = new Limit(MAX_OPTION_LENGTH, false);
    private static final Map<String, Limit> LONGER = Map.of(
            "transport", TRANSPORT,
            "subject", new Limit(1000, false),
            "crlDistributionUrl", new Limit(1000, false),
            "pem", new Limit(MAX_DOCUMENT_LENGTH, true),
            "privateKeyPem", new Limit(MAX_DOCUMENT_LENGTH, true),
            "csrPem", new Limit(MAX_DOCUMENT_LENGTH, true),
            "chainPem", new Limit(MAX_DOCUMENT_LENGTH, true));

    private InputText() {
    }

    /** Throws {@link InvalidInputException} listing every text of {@code values} (named by {@code names}) that breaks a rule. */
    public static void check(String[] names, Object[] values) {
        List<FieldProblem> problems = problems(names, values);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Every text of {@code values} (named by {@code names}) that breaks a rule; empty when none does. */
    public static List<FieldProblem> problems(String[] names, Object[] values) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String name = names != null && i < names.length && names[i] != null ? names[i] : "arg" + i;
            visit(name, name, values[i], problems, 0, true);
        }
        return problems;
    }

    private static void visit(String path, String name, Object value, List<FieldProblem> problems, int depth, boolean topLevel) {
        if (value == null || depth > 8) {
            return;
        }
        if (value instanceof String text) {
            checkText(path, LONGER.getOrDefault(name, ORDINARY), text, problems);
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object componentValue;
                try {
                    java.lang.reflect.Method accessor = component.getAccessor();
                    // commands are often package-private records of their feature: read them all the same
                    accessor.trySetAccessible();
                    componentValue = accessor.invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
                // a top-level command's fields are named as the client sent them (name, not command.name)
                String componentPath = topLevel ? component.getName() : path + "." + component.getName();
                visit(componentPath, component.getName(), componentValue, problems, depth + 1, false);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (entry.getKey() instanceof String) {
                    checkText(path, ORDINARY, key, problems);
                }
                if (entry.getValue() instanceof String text) {
                    checkText(path + "." + key, new Limit(MAX_OPTION_LENGTH, false), text, problems);
                } else {
                    visit(path + "." + key, key, entry.getValue(), problems, depth + 1, false);
                }
            }
        } else if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                visit(path + "[" + index++ + "]", name, element, problems, depth + 1, false);
            }
        } else if (value instanceof Optional<?> optional) {
            visit(path, name, optional.orElse(null), problems, depth + 1, topLevel);
        }
    }

    private static void checkText(String field, Limit limit, String text, List<FieldProblem> problems) {
        if (text.length() > limit.maxLength()) {
            problems.add(new FieldProblem(field, "is " + text.length() + " characters long; at most " + limit.maxLength()
                    + " are allowed"));
            return;
        }
        if (limit == TRANSPORT) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(limit.multiLine() && (c == '\n' || c == '\r' || c == '\t'))) {
                problems.add(new FieldProblem(field, "contains a control character (U+"
                        + String.format("%04X", (int) c) + ") at position " + (i + 1)));
                return;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add(new FieldProblem(field, "contains an invalid character at position " + (i + 1)));
                return;
            }
        }
    }
}
