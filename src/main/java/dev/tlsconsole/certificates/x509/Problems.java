package dev.tlsconsole.certificates.x509;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** Builds the user-facing problem messages, one wording per situation wherever it is detected. */
final class Problems {

    private Problems() {
    }

    static ValidationProblem expired(X509Certificate certificate) {
        return new ValidationProblem(ProblemCode.CERT_EXPIRED, "the certificate " + name(certificate) + " expired on "
                + certificate.getNotAfter().toInstant() + ": renew it");
    }

    static ValidationProblem notYetValid(X509Certificate certificate) {
        return new ValidationProblem(ProblemCode.CERT_NOT_YET_VALID, "the certificate " + name(certificate)
                + " is not valid before " + certificate.getNotBefore().toInstant() + " (check the clocks, or wait)");
    }

    /** Validity of one certificate at {@code at}, or null when it is within its validity period. */
    static ValidationProblem validity(X509Certificate certificate, Instant at) {
        if (at.isAfter(certificate.getNotAfter().toInstant())) {
            return expired(certificate);
        }
        if (at.isBefore(certificate.getNotBefore().toInstant())) {
            return notYetValid(certificate);
        }
        return null;
    }

    static ValidationProblem of(ProblemCode code, String message) {
        return new ValidationProblem(code, message);
    }

    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*:?\\s*");
    private static final int MAX_DETAIL = 200;

    /** An exception's message for a user: no Java class names, at most ~200 characters. */
    static String safeMessage(Throwable e) {
        String message = e.getMessage() == null ? "" : CLASS_NAME.matcher(e.getMessage()).replaceAll("").trim();
        if (message.isEmpty()) {
            return "the input is not supported";
        }
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
    }

    static String name(X509Certificate certificate) {
        return "'" + CertificateChains.subject(certificate) + "'";
    }
}
