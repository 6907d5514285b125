package dev.tlsconsole.certificates.x509;

import java.util.Objects;

/** One reason a chain is not acceptable, with a message that names the certificate and what to change. */
public record ValidationProblem(ProblemCode code, String message) {

    public ValidationProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
