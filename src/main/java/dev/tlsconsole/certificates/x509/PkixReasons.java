package dev.tlsconsole.certificates.x509;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;

/** Maps the JDK's {@link CertPathValidatorException} reasons to problem codes and plain-language messages. */
final class PkixReasons {

    private PkixReasons() {
    }

    static ValidationProblem problem(CertPathValidatorException e) {
        X509Certificate certificate = certificateAt(e.getCertPath(), e.getIndex());
        String name = certificate == null ? "a certificate of the chain" : "the certificate " + Problems.name(certificate);
        if (e.getReason() instanceof BasicReason basic) {
            return switch (basic) {
                case EXPIRED -> certificate == null ? Problems.of(ProblemCode.CERT_EXPIRED, name + " has expired")
                        : Problems.expired(certificate);
                case NOT_YET_VALID -> certificate == null ? Problems.of(ProblemCode.CERT_NOT_YET_VALID, name + " is not yet valid")
                        : Problems.notYetValid(certificate);
                case REVOKED -> Problems.of(ProblemCode.CERT_REVOKED, name + " is revoked" + revocationDetail(e));
                case UNDETERMINED_REVOCATION_STATUS -> Problems.of(ProblemCode.REVOCATION_UNKNOWN,
                        "the revocation status of " + name + " could not be determined: no current CRL of its issuer was supplied");
                case INVALID_SIGNATURE -> Problems.of(ProblemCode.SIGNATURE_INVALID,
                        "the signature on " + name + " does not verify with its issuer's key");
                case ALGORITHM_CONSTRAINED -> Problems.of(ProblemCode.WEAK_ALGORITHM,
                        name + " uses a signature or key algorithm that is no longer accepted (" + Problems.safeMessage(e) + ")");
                default -> Problems.of(ProblemCode.PATH_INVALID, name + " is not acceptable: " + Problems.safeMessage(e));
            };
        }
        if (e.getReason() instanceof PKIXReason pkix) {
            return switch (pkix) {
                case NOT_CA_CERT -> Problems.of(ProblemCode.NOT_A_CA, name + " issues certificates but is not a CA certificate");
                case PATH_TOO_LONG -> Problems.of(ProblemCode.PATH_TOO_LONG, "the chain is longer than a CA's path length allows at "
                        + name);
                case INVALID_KEY_USAGE -> Problems.of(ProblemCode.KEY_USAGE_INVALID, "the key usage of " + name
                        + " does not allow this use: an issuing CA needs keyCertSign");
                case INVALID_NAME -> Problems.of(ProblemCode.NAME_CONSTRAINTS_VIOLATED, name
                        + " has a name outside the name constraints of a CA above it");
                case UNRECOGNIZED_CRIT_EXT -> Problems.of(ProblemCode.UNKNOWN_CRITICAL_EXTENSION, name
                        + " has a critical extension the validator does not understand");
                case INVALID_POLICY -> Problems.of(ProblemCode.POLICY_INVALID, "certificate policy processing failed at " + name);
                case NO_TRUST_ANCHOR -> Problems.of(ProblemCode.UNTRUSTED_ISSUER, "no trusted root issued the chain");
                default -> Problems.of(ProblemCode.PATH_INVALID, name + " does not chain correctly: " + Problems.safeMessage(e));
            };
        }
        return Problems.of(ProblemCode.PATH_INVALID, name + " is not acceptable: " + Problems.safeMessage(e));
    }

    private static String revocationDetail(CertPathValidatorException e) {
        if (e.getCause() instanceof CertificateRevokedException revoked) {
            return " since " + revoked.getRevocationDate().toInstant() + " (reason: "
                    + RevocationReason.fromCode(revoked.getRevocationReason().ordinal()).rfcName() + ")";
        }
        return "";
    }

    private static X509Certificate certificateAt(CertPath path, int index) {
        if (path == null || index < 0 || index >= path.getCertificates().size()) {
            return null;
        }
        return (X509Certificate) path.getCertificates().get(index);
    }
}
