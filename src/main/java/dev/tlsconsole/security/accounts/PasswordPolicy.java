package dev.tlsconsole.security.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.tlsconsole.ConsoleProperties;
import dev.tlsconsole.InvalidInputException.FieldProblem;

/**
 * The rules a new password must meet. Length is what matters most (NIST SP 800-63B); the upper bound
 * is bcrypt's 72-byte input limit, beyond which characters would be silently ignored.
 */
@Component
public class PasswordPolicy {

    static final int MAX_BYTES = 72;

    private final int minLength;

    PasswordPolicy(ConsoleProperties properties) {
        this.minLength = properties.accounts().passwordMinLength();
    }

    public int minLength() {
        return minLength;
    }

    /** The rule in one sentence, for messages and the README. */
    public String describe() {
        return "a password has at least " + minLength + " characters, at most " + MAX_BYTES
                + " bytes, is not only spaces and does not contain the user name";
    }

    /** Problems with {@code password} for {@code username}, reported against {@code field}; empty when it is acceptable. */
    public List<FieldProblem> check(String field, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem(field, "is required"));
            return problems;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            problems.add(new FieldProblem(field, "must be at least " + minLength + " characters long"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_BYTES + " bytes long"));
        }
        if (password.isBlank()) {
            problems.add(new FieldProblem(field, "must not be only spaces"));
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "must not contain the username"));
        }
        return problems;
    }
}
