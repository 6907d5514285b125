package dev.tlsconsole.certificates.x509;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** Builds {@link CertificateDetails}: JDK accessors where they exist, Bouncy Castle for SKI/AKI/CRL DP. */
final class DetailsExtractor {

    static final List<String> KEY_USAGE_NAMES = List.of("digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly");

    static final Map<String, String> EXTENDED_KEY_USAGE_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");

    private DetailsExtractor() {
    }

    static CertificateDetails extract(X509Certificate certificate) {
        Extensions extensions = extensions(certificate);
        int basicConstraints = certificate.getBasicConstraints();
        boolean ca = basicConstraints >= 0;
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(extensions);
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
        return new CertificateDetails(
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                subjectAlternativeNames(certificate),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                CertificateIds.serialHex(certificate.getSerialNumber()),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                certificate.getPublicKey().getAlgorithm(),
                keySize(certificate.getPublicKey()),
                certificate.getSigAlgName(),
                keyUsage(certificate),
                extendedKeyUsage(certificate),
                ca,
                ca && basicConstraints != Integer.MAX_VALUE ? basicConstraints : null,
                certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                        && CertificateChains.issuedBy(certificate, certificate),
                CertificateIds.sha1Thumbprint(certificate),
                CertificateIds.sha256Fingerprint(certificate),
                ski == null ? null : CertificateIds.hex(ski.getKeyIdentifier()),
                aki == null || aki.getKeyIdentifier() == null ? null : CertificateIds.hex(aki.getKeyIdentifier()),
                crlDistributionPoints(CRLDistPoint.fromExtensions(extensions)),
                CertificateIds.der(certificate));
    }

    static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        if (key instanceof EdECPublicKey edec) {
            return "Ed448".equalsIgnoreCase(edec.getParams().getName()) ? 448 : 255;
        }
        return 0;
    }

    static List<String> subjectAlternativeNames(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        List<String> formatted = new ArrayList<>();
        for (List<?> name : names == null ? List.<List<?>>of() : names) {
            String prefix = switch ((Integer) name.get(0)) {
                case GeneralName.dNSName -> "DNS:";
                case GeneralName.iPAddress -> "IP:";
                case GeneralName.uniformResourceIdentifier -> "URI:";
                case GeneralName.rfc822Name -> "email:";
                case GeneralName.directoryName -> "DirName:";
                case GeneralName.registeredID -> "RID:";
                default -> null;
            };
            if (prefix != null && name.get(1) instanceof String value) {
                formatted.add(prefix + value);
            }
        }
        return formatted;
    }

    private static List<String> keyUsage(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        List<String> names = new ArrayList<>();
        for (int i = 0; bits != null && i < bits.length && i < KEY_USAGE_NAMES.size(); i++) {
            if (bits[i]) {
                names.add(KEY_USAGE_NAMES.get(i));
            }
        }
        return names;
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            return oids == null ? List.of() : oids.stream().map(oid -> EXTENDED_KEY_USAGE_NAMES.getOrDefault(oid, oid)).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static List<String> crlDistributionPoints(CRLDistPoint crlDistPoint) {
        List<String> uris = new ArrayList<>();
        if (crlDistPoint == null) {
            return uris;
        }
        for (DistributionPoint point : crlDistPoint.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        uris.add(general.getName().toString());
                    }
                }
            }
        }
        return uris;
    }

    private static Extensions extensions(X509Certificate certificate) {
        try {
            Extensions extensions = new JcaX509CertificateHolder(certificate).getExtensions();
            return extensions == null ? new Extensions(new Extension[0]) : extensions;
        } catch (CertificateEncodingException | RuntimeException e) {
            throw new PkiInputException("the certificate's extensions could not be read: " + e.getMessage(), e);
        }
    }
}
