package dev.tlsconsole;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import dev.tlsconsole.InvalidInputException.FieldProblem;

/**
 * The declared field rules of a write (Bean Validation constraints on the command records shared by the
 * UI and the API, and on plain text parameters of audited operations): lengths that match the columns
 * the values are stored in, and patterns. Checked with {@link InputText}'s generic rules before the
 * operation runs, so every broken rule is reported at once, audited, and never reaches the database.
 */
public final class FieldRules {

    /** The message of every length rule: {@code @Size(max = 200, message = FieldRules.TOO_LONG)}. */
    public static final String TOO_LONG = "must be at most {max} characters";

    private FieldRules() {
    }

    /**
     * Every problem of the arguments of {@code method} on {@code target}: the declared rules first (records
     * are validated whole, plain parameters by their own constraints), then the generic text rules for the
     * fields no declared rule already refused. Throws {@link InvalidInputException} when there is any.
     */
    public static void check(Validator validator, Object target, Method method, String[] names, Object[] values) {
        List<FieldProblem> problems = new ArrayList<>();
        if (validator != null) {
            for (ConstraintViolation<Object> violation : sorted(validator.forExecutables().validateParameters(target, method, values))) {
                problems.add(new FieldProblem(field(violation.getPropertyPath(), true), violation.getMessage()));
            }
            for (Object value : values) {
                if (value instanceof Record) {
                    for (ConstraintViolation<Object> violation : sorted(validator.validate(value))) {
                        problems.add(new FieldProblem(field(violation.getPropertyPath(), false), violation.getMessage()));
                    }
                }
            }
        }
        Set<String> refused = new java.util.HashSet<>(problems.stream().map(FieldProblem::field).toList());
        for (FieldProblem generic : InputText.problems(names, values)) {
            if (refused.add(generic.field())) {
                problems.add(generic);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().distinct().toList());
        }
    }

    private static List<ConstraintViolation<Object>> sorted(Collection<ConstraintViolation<Object>> violations) {
        return violations.stream().sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage)).toList();
    }

    /**
     * The field as the client sent it: a parameter by its name ({@code name}, not {@code rename.name}), a
     * record's component by its path ({@code ports[0].portId}, {@code recipients[2]}).
     */
    private static String field(Path path, boolean parameters) {
        StringBuilder field = new StringBuilder();
        boolean inside = !parameters;
        for (Path.Node node : path) {
            if (!inside) {
                inside = node.getKind() == ElementKind.PARAMETER;
                if (inside) {
                    field.append(node.getName());
                }
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
