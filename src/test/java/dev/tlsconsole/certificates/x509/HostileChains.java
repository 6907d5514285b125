package dev.tlsconsole.certificates.x509;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;

/** Chains that once made the validator fail with an exception, as PEM for tests outside this package. */
public final class HostileChains {

    /** A chain and its trusted root, as the API takes them. */
    public record Pems(List<String> chainPem, List<String> trustedPem) {
    }

    private HostileChains() {
    }

    /** x509-limbo's {@code nc-forbids-othername}: an intermediate excludes an otherName that the leaf carries. */
    public static Pems otherNameForbidden() {
        TestPki pki = new TestPki();
        ASN1EncodableVector vector = new ASN1EncodableVector();
        vector.add(new ASN1ObjectIdentifier("1.3.6.1.4.1.55738.666.3"));
        vector.add(new DERTaggedObject(true, 0, DERNull.INSTANCE));
        GeneralName otherName = new GeneralName(GeneralName.otherName, new DERSequence(vector));
        KeyPair caKeys = TestCertificates.keyPair("EC", 256);
        X509Certificate ca = TestCertificates.issuedBy(pki.root.certificate(), "CN=OtherName CA", caKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .extension(Extension.nameConstraints, true, new NameConstraints(
                        new GeneralSubtree[] {new GeneralSubtree(new GeneralName(GeneralName.dNSName, "example.com"))},
                        new GeneralSubtree[] {new GeneralSubtree(otherName)}))
                .signWith(pki.root.privateKey());
        X509Certificate leaf = TestCertificates.issuedBy(ca, "CN=example.com", TestCertificates.keyPair("EC", 256).getPublic())
                .extension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "example.com"), otherName}))
                .signWith(caKeys.getPrivate());
        return new Pems(List.of(PemExporter.certificates(List.of(leaf)), PemExporter.certificates(List.of(ca))),
                List.of(PemExporter.certificates(List.of(pki.root.certificate()))));
    }
}
