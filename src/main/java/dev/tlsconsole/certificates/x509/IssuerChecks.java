package dev.tlsconsole.certificates.x509;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** Refuses to sign with a CA that cannot legitimately issue what is asked. */
final class IssuerChecks {

    private static final int KEY_CERT_SIGN = 5;

    private IssuerChecks() {
    }

    static void requireCanSign(IssuingCa issuer, Instant now) {
        X509Certificate certificate = issuer.certificate();
        String name = CertificateChains.subject(certificate);
        if (certificate.getBasicConstraints() < 0) {
            throw new PkiInputException(name + " is not a CA certificate (BasicConstraints cA is not set)");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[KEY_CERT_SIGN]) {
            throw new PkiInputException("the CA " + name + " may not sign certificates (its key usage lacks keyCertSign)");
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new PkiInputException("the CA " + name + " expired on " + certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new PkiInputException("the CA " + name + " is not valid before " + certificate.getNotBefore().toInstant());
        }
        PrivateKeys.requireMatch(issuer.privateKey(), certificate);
    }

    /** A certificate must not outlive its issuer: clients would reject it once the CA expires. */
    static void requireWithinIssuer(IssuingCa issuer, Instant notAfter, Instant now) {
        Instant issuerEnd = issuer.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(issuerEnd)) {
            long maxDays = Duration.between(now, issuerEnd).toDays();
            throw new PkiInputException("the certificate would outlive its CA, which is valid until " + issuerEnd
                    + ": ask for at most " + maxDays + " days");
        }
    }
}
