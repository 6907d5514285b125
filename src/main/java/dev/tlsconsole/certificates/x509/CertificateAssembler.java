package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs one X.509 v3 certificate with the extension profile the CA operations decide.
 * Always adds the subject key identifier, and the authority key identifier when not self-signed.
 */
final class CertificateAssembler {

    private final SecureRandom random;
    private final X509v3CertificateBuilder builder;

    CertificateAssembler(SecureRandom random, X500Name issuer, X500Name subject, PublicKey subjectKey,
                         Instant notBefore, Instant notAfter, X509Certificate issuerCertificate) {
        this.random = random;
        BigInteger serial = SerialNumbers.next(random);
        this.builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            SubjectKeyIdentifier ski = utils.createSubjectKeyIdentifier(subjectKey);
            add(Extension.subjectKeyIdentifier, false, ski);
            if (issuerCertificate != null) {
                add(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(utils, issuerCertificate));
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the key identifiers could not be computed", e);
        }
    }

    CertificateAssembler basicConstraints(boolean ca, Integer pathLength) {
        BasicConstraints constraints = !ca ? new BasicConstraints(false)
                : pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength);
        return add(Extension.basicConstraints, true, constraints);
    }

    CertificateAssembler keyUsage(int bits) {
        return add(Extension.keyUsage, true, new KeyUsage(bits));
    }

    CertificateAssembler extendedKeyUsage(List<KeyPurposeId> purposes) {
        return add(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
    }

    /** RFC 5280 §4.2.1.6: the SAN is critical when the subject is empty. */
    CertificateAssembler subjectAlternativeNames(GeneralNames names, boolean subjectEmpty) {
        return names.getNames().length == 0 ? this : add(Extension.subjectAlternativeName, subjectEmpty, names);
    }

    CertificateAssembler crlDistributionPoint(String url) {
        if (url == null) {
            return this;
        }
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(url)));
        DistributionPoint point = new DistributionPoint(new DistributionPointName(names), null, null);
        return add(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
    }

    /**
     * Signs with {@code signingKey}, then checks the result with the JDK against {@code verificationKey} — unless
     * that is null because the caller proved in the same operation that the key belongs to the issuer
     * ({@link IssuerChecks#requireCanSign}): a second proof per certificate would double the cost of issuing.
     * ECDSA signs through Bouncy Castle (about twice as fast as the JDK 17 provider); RSA through the JDK.
     */
    X509Certificate sign(PrivateKey signingKey, PublicKey verificationKey) {
        try {
            var signerBuilder = new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(signingKey)).setSecureRandom(random);
            if ("EC".equals(signingKey.getAlgorithm())) {
                signerBuilder.setProvider(BouncyCastle.PROVIDER);
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signerBuilder.build(signingKey)));
            if (verificationKey != null) {
                certificate.verify(verificationKey);
            }
            return certificate;
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("signing the certificate failed", e);
        } catch (GeneralSecurityException e) {
            throw new PkiInputException("the CA's private key does not match its certificate; the certificate was not issued");
        }
    }

    private static AuthorityKeyIdentifier authorityKeyIdentifier(JcaX509ExtensionUtils utils, X509Certificate issuer)
            throws IOException {
        byte[] issuerSki = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (issuerSki != null) {
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(issuerSki));
            return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
        }
        return utils.createAuthorityKeyIdentifier(issuer.getPublicKey());
    }

    private CertificateAssembler add(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
            return this;
        } catch (CertIOException e) {
            throw new IllegalStateException("extension " + oid + " could not be encoded", e);
        }
    }
}
