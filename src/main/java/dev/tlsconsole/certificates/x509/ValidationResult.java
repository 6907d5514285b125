package dev.tlsconsole.certificates.x509;

import java.util.List;

/**
 * The verdict of {@link ChainValidator}.
 *
 * @param valid    true exactly when there are no problems
 * @param problems every problem found, the most fundamental first
 * @param path     subjects of the validated path from the leaf to the trusted root; empty when no path was found
 */
public record ValidationResult(boolean valid, List<ValidationProblem> problems, List<String> path) {

    public ValidationResult {
        problems = List.copyOf(problems);
        path = List.copyOf(path);
        if (valid != problems.isEmpty()) {
            throw new IllegalArgumentException("valid must be true exactly when there are no problems");
        }
    }

    static ValidationResult of(List<ValidationProblem> problems, List<String> path) {
        return new ValidationResult(problems.isEmpty(), problems, path);
    }

    /** True when a problem with {@code code} was found. */
    public boolean has(ProblemCode code) {
        return problems.stream().anyMatch(problem -> problem.code() == code);
    }
}
