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

    static String name(X509Certificate certificate) {
        return "'" + CertificateChains.subject(certificate) + "'";
    }
}
