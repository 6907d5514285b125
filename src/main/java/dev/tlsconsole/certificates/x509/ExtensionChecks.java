package dev.tlsconsole.certificates.x509;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Structural checks of the standard extensions, decoded with Bouncy Castle: OpenSSL marks a certificate
 * whose extensions do not decode as invalid ({@code X509_V_ERR_INVALID_EXTENSION}), while the JDK only
 * decodes the ones it needs and lets the rest pass. Also refuses the RFC 5280 misuses that need a
 * decoded value: an empty SAN or name constraints, and name constraints outside a CA certificate.
 */
final class ExtensionChecks {

    private static final Map<String, Function<ASN1Primitive, Object>> DECODERS = Map.of(
            Extension.subjectAlternativeName.getId(), ExtensionChecks::nonEmptyNames,
            Extension.issuerAlternativeName.getId(), ExtensionChecks::nonEmptyNames,
            Extension.authorityInfoAccess.getId(), AuthorityInformationAccess::getInstance,
            Extension.nameConstraints.getId(), ExtensionChecks::nonEmptyConstraints,
            Extension.cRLDistributionPoints.getId(), CRLDistPoint::getInstance,
            Extension.certificatePolicies.getId(), CertificatePolicies::getInstance,
            Extension.authorityKeyIdentifier.getId(), AuthorityKeyIdentifier::getInstance,
            Extension.subjectKeyIdentifier.getId(), SubjectKeyIdentifier::getInstance,
            Extension.basicConstraints.getId(), BasicConstraints::getInstance,
            Extension.extendedKeyUsage.getId(), ExtendedKeyUsage::getInstance);

    private ExtensionChecks() {
    }

    static List<ValidationProblem> wellFormed(List<X509Certificate> certificates) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            for (Map.Entry<String, Function<ASN1Primitive, Object>> decoder : DECODERS.entrySet()) {
                byte[] value = certificate.getExtensionValue(decoder.getKey());
                if (value != null && !decodes(value, decoder.getValue())) {
                    problems.add(Problems.of(ProblemCode.INVALID_EXTENSION, "the certificate " + Problems.name(certificate)
                            + " has a malformed or empty extension " + decoder.getKey()));
                }
            }
            invalidSubjectAlternativeName(certificate).ifPresent(name -> problems.add(Problems.of(ProblemCode.INVALID_EXTENSION,
                    "the certificate " + Problems.name(certificate) + " has an invalid subject alternative name " + name)));
            java.util.Set<String> critical = certificate.getCriticalExtensionOIDs();
            for (org.bouncycastle.asn1.ASN1ObjectIdentifier identifier : List.of(Extension.authorityKeyIdentifier, Extension.subjectKeyIdentifier)) {
                if (critical != null && critical.contains(identifier.getId())) {
                    problems.add(Problems.of(ProblemCode.INVALID_EXTENSION, "the certificate " + Problems.name(certificate)
                            + " marks its " + (identifier.equals(Extension.subjectKeyIdentifier) ? "subject" : "authority")
                            + " key identifier critical, which RFC 5280 §4.2.1.1/§4.2.1.2 forbid"));
                }
            }
            if (certificate.getBasicConstraints() < 0 && certificate.getExtensionValue(Extension.nameConstraints.getId()) != null) {
                problems.add(Problems.of(ProblemCode.INVALID_EXTENSION, "the certificate " + Problems.name(certificate)
                        + " has name constraints but is not a CA (RFC 5280 §4.2.1.10)"));
            }
        }
        return problems;
    }

    /** The DER value inside a JDK extension value (which wraps it in an OCTET STRING), or null when malformed. */
    static byte[] innerValue(byte[] extensionValue) {
        try {
            return ASN1OctetString.getInstance(extensionValue).getOctets();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A DNS SAN must be a host name in preferred name syntax (A-labels), optionally with the whole left-most
     * label a wildcard, and not a wildcard over a public suffix such as {@code *.com}; an IP SAN must be 4 or
     * 16 octets (RFC 5280 §4.2.1.6, RFC 6125 §6.4.3, CA/Browser Forum BR 3.2.2.6).
     */
    static Optional<String> invalidSubjectAlternativeName(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
        byte[] inner = value == null ? null : innerValue(value);
        if (inner == null) {
            return Optional.empty();
        }
        try {
            for (GeneralName name : GeneralNames.getInstance(ASN1Primitive.fromByteArray(inner)).getNames()) {
                if (name.getTagNo() == GeneralName.dNSName) {
                    String dns = DERIA5String.getInstance(name.getName()).getString();
                    if (!SubjectAlternativeNames.isDnsName(dns) || HostnameMatcher.isWildcardOverPublicSuffix(dns)) {
                        return Optional.of("'DNS:" + dns + "'");
                    }
                } else if (name.getTagNo() == GeneralName.rfc822Name) {
                    String mail = DERIA5String.getInstance(name.getName()).getString();
                    if (!SubjectAlternativeNames.isMailbox(mail)) {
                        return Optional.of("'email:" + mail + "'");
                    }
                } else if (name.getTagNo() == GeneralName.iPAddress) {
                    int length = ASN1OctetString.getInstance(name.getName()).getOctets().length;
                    if (length != 4 && length != 16) {
                        return Optional.of("(an IP address of " + length + " bytes)");
                    }
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // undecodable SANs are reported by wellFormed's decoder check
        }
    }

    private static boolean decodes(byte[] extensionValue, Function<ASN1Primitive, Object> decoder) {
        try {
            byte[] inner = innerValue(extensionValue);
            return inner != null && decoder.apply(ASN1Primitive.fromByteArray(inner)) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static Object nonEmptyNames(ASN1Primitive value) {
        GeneralNames names = GeneralNames.getInstance(value);
        return names.getNames().length == 0 ? null : names;
    }

    private static Object nonEmptyConstraints(ASN1Primitive value) {
        NameConstraints constraints = NameConstraints.getInstance(value);
        boolean empty = (constraints.getPermittedSubtrees() == null || constraints.getPermittedSubtrees().length == 0)
                && (constraints.getExcludedSubtrees() == null || constraints.getExcludedSubtrees().length == 0);
        return empty ? null : constraints;
    }
}
