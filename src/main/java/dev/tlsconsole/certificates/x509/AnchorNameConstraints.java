package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

/**
 * Applies a trusted root's own NameConstraints extension to the path below it. The JDK's PKIX applies
 * constraints of intermediates but refuses ("not supported") a trust anchor that carries them, while
 * OpenSSL and browsers enforce a constrained root; the RFC 5280 §6.1.3 (b)/(c) checks are done with
 * Bouncy Castle's {@link PKIXNameConstraintValidator}.
 */
final class AnchorNameConstraints {

    private AnchorNameConstraints() {
    }

    /** @param path leaf first, without the anchor */
    static Optional<ValidationProblem> check(X509Certificate anchor, List<X509Certificate> path) {
        byte[] value = anchor.getExtensionValue(Extension.nameConstraints.getId());
        byte[] inner = value == null ? null : ExtensionChecks.innerValue(value);
        if (inner == null) {
            return Optional.empty();
        }
        PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
        try {
            NameConstraints constraints = NameConstraints.getInstance(ASN1Primitive.fromByteArray(inner));
            if (constraints.getPermittedSubtrees() != null) {
                validator.intersectPermittedSubtree(constraints.getPermittedSubtrees());
            }
            if (constraints.getExcludedSubtrees() != null) {
                for (GeneralSubtree excluded : constraints.getExcludedSubtrees()) {
                    validator.addExcludedSubtree(excluded);
                }
            }
        } catch (Exception e) {
            return Optional.empty(); // malformed constraints are reported by ExtensionChecks
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            X509Certificate certificate = path.get(i);
            boolean selfIssuedCa = i > 0 && certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
            if (selfIssuedCa) {
                continue; // RFC 5280 §6.1.3 (b): self-issued intermediates are exempt
            }
            try {
                checkNames(validator, certificate);
            } catch (NameConstraintValidatorException | CertificateParsingException | IllegalArgumentException e) {
                return Optional.of(Problems.of(ProblemCode.NAME_CONSTRAINTS_VIOLATED, "the certificate " + Problems.name(certificate)
                        + " has a name outside the name constraints of the trusted root " + Problems.name(anchor)));
            }
        }
        return Optional.empty();
    }

    private static void checkNames(PKIXNameConstraintValidator validator, X509Certificate certificate)
            throws NameConstraintValidatorException, CertificateParsingException {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        if (subject.getRDNs().length > 0) {
            validator.checkPermittedDN(subject);
            validator.checkExcludedDN(subject);
        }
        byte[] sanValue = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
        byte[] sans = sanValue == null ? null : ExtensionChecks.innerValue(sanValue);
        if (sans == null) {
            return;
        }
        try {
            for (GeneralName name : GeneralNames.getInstance(ASN1Primitive.fromByteArray(sans)).getNames()) {
                validator.checkPermitted(name);
                validator.checkExcluded(name);
            }
        } catch (IOException e) {
            throw new CertificateParsingException("malformed subject alternative names", e);
        }
    }
}
