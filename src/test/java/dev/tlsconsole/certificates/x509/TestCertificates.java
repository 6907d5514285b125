package dev.tlsconsole.certificates.x509;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds the deliberately broken certificates the CA operations refuse to make (weak keys, bad
 * extensions, a leaf acting as CA), so each validator problem code can be provoked.
 */
final class TestCertificates {

    private final X509v3CertificateBuilder builder;
    private String signatureAlgorithm = "SHA256withECDSA";

    private TestCertificates(X500Name issuer, String subject, PublicKey key, Instant from, Instant to) {
        builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()).abs().add(BigInteger.ONE),
                Date.from(from), Date.from(to), new X500Name(subject), key);
    }

    /** A certificate for {@code key} issued by {@code issuer}, valid a year around {@link TestPki#NOW}. */
    static TestCertificates issuedBy(X509Certificate issuer, String subject, PublicKey key) {
        return new TestCertificates(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), subject, key,
                TestPki.NOW.minusSeconds(86_400), TestPki.NOW.plusSeconds(365 * 86_400L));
    }

    /** A self-signed certificate (issuer = subject), to be signed with the key pair's private key. */
    static TestCertificates selfSigned(String subject, PublicKey key) {
        return new TestCertificates(new X500Name(subject), subject, key, TestPki.NOW.minusSeconds(86_400),
                TestPki.NOW.plusSeconds(365 * 86_400L));
    }

    TestCertificates extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    TestCertificates signatureAlgorithm(String algorithm) {
        signatureAlgorithm = algorithm;
        return this;
    }

    X509Certificate signWith(PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keyPair(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
