package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Reads a PKCS#10 certificate signing request and proves it: the signature must verify with the key it
 * carries (proof of possession, and a guard against a CSR altered in transit). Only the subject, the
 * public key and the requested subject alternative names are taken; the CA decides every other
 * extension from the requested usage.
 */
final class CsrReader {

    /** The parts of a verified CSR the CA uses. */
    record Request(X500Name subject, PublicKey publicKey, GeneralNames subjectAlternativeNames) {
    }

    private static final int MIN_RSA_BITS = 2048;

    private CsrReader() {
    }

    static Request read(String csrPem) {
        if (csrPem == null || csrPem.isBlank()) {
            throw new PkiInputException("the CSR is empty");
        }
        if (csrPem.length() > CertificateParser.MAX_INPUT_BYTES) {
            throw new PkiInputException("the CSR is larger than 1 MiB");
        }
        PKCS10CertificationRequest csr = parse(csrPem);
        PublicKey publicKey = verified(csr);
        X500Name subject = csr.getSubject();
        GeneralNames sans = requestedNames(csr);
        if (sans.getNames().length == 0) {
            sans = commonNameAsDnsName(subject);
        }
        if (subject.getRDNs().length == 0 && sans.getNames().length == 0) {
            throw new PkiInputException("the CSR names nobody: it has neither a subject nor subject alternative names");
        }
        return new Request(subject, publicKey, sans);
    }

    private static PKCS10CertificationRequest parse(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        } catch (IOException | RuntimeException e) {
            throw new PkiInputException("the CSR could not be read: " + e.getMessage(), e);
        }
        throw new PkiInputException("not a certificate signing request: expected a '-----BEGIN CERTIFICATE REQUEST-----' block");
    }

    private static PublicKey verified(PKCS10CertificationRequest csr) {
        PublicKey key;
        try {
            key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PkiInputException("the CSR's public key could not be read; the console signs RSA and EC keys");
        }
        boolean valid;
        try {
            valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new PkiInputException("the CSR's signature does not verify: it was altered or not signed with the key it carries");
        }
        if (!PrivateKeys.SUPPORTED_ALGORITHMS.contains(key.getAlgorithm())) {
            throw new PkiInputException("unsupported key type " + key.getAlgorithm() + " in the CSR: the console signs RSA and EC keys");
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new PkiInputException("the CSR's RSA key has " + rsa.getModulus().bitLength() + " bits; at least "
                    + MIN_RSA_BITS + " are required");
        }
        return key;
    }

    private static GeneralNames requestedNames(PKCS10CertificationRequest csr) {
        for (Attribute attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            if (attribute.getAttrValues().size() > 0) {
                Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
                GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
                if (names != null) {
                    return checked(names);
                }
            }
        }
        return new GeneralNames(new GeneralName[0]);
    }

    private static GeneralNames checked(GeneralNames names) {
        for (GeneralName name : names.getNames()) {
            switch (name.getTagNo()) {
                case GeneralName.dNSName -> {
                    String dns = name.getName().toString();
                    if (!SubjectAlternativeNames.isDnsName(dns)) {
                        throw new PkiInputException("the CSR requests '" + dns + "', which is not a valid DNS name");
                    }
                }
                case GeneralName.iPAddress, GeneralName.uniformResourceIdentifier, GeneralName.rfc822Name -> {
                    // taken as requested
                }
                default -> throw new PkiInputException("the CSR requests a subject alternative name of a type the console"
                        + " does not issue (only DNS, IP, URI and email)");
            }
        }
        return names;
    }

    /**
     * A CSR made without SANs (older OpenSSL scripts) would give a certificate modern clients reject;
     * when its CN is a host name, that name becomes the DNS SAN.
     */
    private static GeneralNames commonNameAsDnsName(X500Name subject) {
        var cns = subject.getRDNs(BCStyle.CN);
        if (cns.length > 0) {
            String cn = IETFUtils.valueToString(cns[0].getFirst().getValue());
            if (SubjectAlternativeNames.isDnsName(cn)) {
                return new GeneralNames(new GeneralName(GeneralName.dNSName, cn));
            }
        }
        return new GeneralNames(new GeneralName[0]);
    }
}
