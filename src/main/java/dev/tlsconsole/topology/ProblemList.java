package dev.tlsconsole.topology;

import java.util.ArrayList;
import java.util.List;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;

/**
 * Collects every problem of an input before anything is written, so the user sees all of them at once.
 * A nested view prefixes field names ({@code applications[3]} + {@code host} → {@code applications[3].host}),
 * which lets the bulk import reuse the rules of single objects and still name the exact place.
 */
public final class ProblemList {

    private final List<FieldProblem> problems;
    private final String prefix;

    private ProblemList(List<FieldProblem> problems, String prefix) {
        this.problems = problems;
        this.prefix = prefix;
    }

    public static ProblemList create() {
        return new ProblemList(new ArrayList<>(), "");
    }

    /** A view that adds to the same list with {@code path} in front of every field. */
    public ProblemList nested(String path) {
        return new ProblemList(problems, field(path));
    }

    public void add(String field, String message) {
        problems.add(new FieldProblem(field(field), message));
    }

    /** The full name of {@code field} in this view. */
    public String field(String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        return field.isEmpty() ? prefix : field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** How many problems were recorded so far (in every view of the list). */
    public int size() {
        return problems.size();
    }

    /** Throws {@link InvalidInputException} with every problem when there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
