package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator's hardening (issue 10, items 14–19): exceptions become problems, name constraints reach wildcard,
 * IP, e-mail, otherName and CN-only names, path building backtracks, the work is bounded, weak keys and defective
 * CRLs are reported, and the request can ask for a depth, key usages, EKUs and peer names.
 */
class ChainValidatorHardeningTests {

    private static final Instant AT = TestPki.NOW.plus(Duration.ofDays(1));
    private static final ASN1ObjectIdentifier PRIVATE_OTHER_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.55738.666.3");
    private static TestPki pki;
    private final ChainValidator validator = new ChainValidator(Clock.fixed(AT, ZoneOffset.UTC));

    @BeforeAll
    static void issue() {
        pki = new TestPki();
    }

    @Test
    void anOtherNameConstraintIsAProblemNotAnException() {
        KeyPair caKeys = ec();
        X509Certificate ca = constrainedCa("CN=OtherName CA", caKeys, new NameConstraints(
                new GeneralSubtree[] {dnsSubtree("example.com")}, new GeneralSubtree[] {new GeneralSubtree(otherName())}));
        X509Certificate withOtherName = leaf(ca, caKeys, "CN=example.com",
                new GeneralName(GeneralName.dNSName, "example.com"), otherName());
        X509Certificate without = leaf(ca, caKeys, "CN=example.com", new GeneralName(GeneralName.dNSName, "example.com"));

        ValidationResult forbidden = validate(List.of(withOtherName, ca), "example.com");

        assertThat(forbidden.valid()).isFalse();
        assertThat(forbidden.problems()).extracting(ValidationProblem::code).contains(ProblemCode.NAME_CONSTRAINTS_VIOLATED);
        assertThat(forbidden.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("java.", "org.bouncycastle"));
        assertThat(validate(List.of(without, ca), "example.com").problems()).isEmpty();
    }

    @Test
    void aWildcardCannotEscapeAnExcludedOrNarrowerPermittedSubtree() {
        KeyPair caKeys = ec();
        X509Certificate excluding = constrainedCa("CN=Excluding CA", caKeys,
                new NameConstraints(null, new GeneralSubtree[] {dnsSubtree("forbidden.example.com")}));
        X509Certificate wildcard = leaf(excluding, caKeys, "CN=wild", new GeneralName(GeneralName.dNSName, "*.example.com"));
        KeyPair narrowKeys = ec();
        X509Certificate narrow = constrainedCa("CN=Narrow CA", narrowKeys,
                new NameConstraints(new GeneralSubtree[] {dnsSubtree("permitted.example.com")}, null));
        X509Certificate wildUnderNarrow = leaf(narrow, narrowKeys, "CN=wild", new GeneralName(GeneralName.dNSName, "*.example.com"));

        assertCode(validate(List.of(wildcard, excluding), "allowed.example.com"), ProblemCode.NAME_CONSTRAINTS_VIOLATED,
                "outside the name constraints of 'CN=Excluding CA'");
        assertCode(validate(List.of(wildUnderNarrow, narrow), "permitted.example.com"), ProblemCode.NAME_CONSTRAINTS_VIOLATED,
                "outside the name constraints of 'CN=Narrow CA'");
        X509Certificate deeper = leaf(excluding, caKeys, "CN=deep", new GeneralName(GeneralName.dNSName, "*.a.forbidden.example.com"));
        assertCode(validate(List.of(deeper, excluding), "x.a.forbidden.example.com"), ProblemCode.NAME_CONSTRAINTS_VIOLATED, "outside");
        X509Certificate unrelated = leaf(excluding, caKeys, "CN=ok", new GeneralName(GeneralName.dNSName, "*.other.example.com"));
        assertThat(validate(List.of(unrelated, excluding), "a.other.example.com").problems()).isEmpty();
    }

    @Test
    void ipEmailAndCnOnlyNamesAreConstrainedToo() {
        KeyPair caKeys = ec();
        X509Certificate ca = constrainedCa("CN=Lab CA", caKeys, new NameConstraints(null, new GeneralSubtree[] {
                dnsSubtree("forbidden.example.com"),
                new GeneralSubtree(new GeneralName(GeneralName.iPAddress, "10.0.0.0/8")),
                new GeneralSubtree(new GeneralName(GeneralName.rfc822Name, "forbidden.example.com"))}));
        X509Certificate ip = leaf(ca, caKeys, "CN=ip", new GeneralName(GeneralName.iPAddress, "10.1.2.3"));
        X509Certificate cnOnly = TestCertificates.issuedBy(ca, "CN=host.forbidden.example.com", ec().getPublic())
                .signWith(caKeys.getPrivate());
        X509Certificate mail = leaf(ca, caKeys, "CN=mail", new GeneralName(GeneralName.rfc822Name, "someone@forbidden.example.com"));

        assertCode(validate(List.of(ip, ca), "10.1.2.3"), ProblemCode.NAME_CONSTRAINTS_VIOLATED, "'CN=ip'");
        assertCode(validate(List.of(cnOnly, ca), "host.forbidden.example.com"), ProblemCode.NAME_CONSTRAINTS_VIOLATED,
                "'CN=host.forbidden.example.com'");
        assertCode(validate(List.of(mail, ca), null), ProblemCode.NAME_CONSTRAINTS_VIOLATED, "'CN=mail'");
    }

    @Test
    void whenOneIssuerFailsTheAlternateChainIsTried() {
        KeyPair issuingKeys = ec();
        X509Certificate clientOnly = TestCertificates.issuedBy(pki.root.certificate(), "CN=Twin CA", issuingKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                .signWith(pki.root.privateKey());
        X509Certificate unrestricted = TestCertificates.issuedBy(pki.root.certificate(), "CN=Twin CA", issuingKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .signWith(pki.root.privateKey());
        X509Certificate server = leaf(clientOnly, issuingKeys, "CN=twin.example.test",
                new GeneralName(GeneralName.dNSName, "twin.example.test"));

        ValidationResult bothOffered = validate(List.of(server, clientOnly, unrestricted), "twin.example.test");
        ValidationResult onlyTheRestricted = validate(List.of(server, clientOnly), "twin.example.test");

        assertThat(bothOffered.problems()).isEmpty();
        assertThat(bothOffered.path()).containsExactly("CN=twin.example.test", "CN=Twin CA", "CN=Test Root CA,O=Console Tests");
        assertCode(onlyTheRestricted, ProblemCode.WRONG_EXTENDED_KEY_USAGE, "'CN=Twin CA' restricts its extended key usage");
    }

    @Test
    void pathologicalNameConstraintsAreRefusedWithinASecond() {
        KeyPair caKeys = ec();
        GeneralSubtree[] excluded = new GeneralSubtree[2048];
        for (int i = 0; i < excluded.length; i++) {
            excluded[i] = dnsSubtree("excluded-" + i + ".example.com");
        }
        X509Certificate ca = constrainedCa("CN=Many Constraints CA", caKeys, new NameConstraints(null, excluded));
        GeneralName[] names = new GeneralName[2048];
        for (int i = 0; i < names.length; i++) {
            names[i] = new GeneralName(GeneralName.dNSName, "name-" + i + ".example.org");
        }
        X509Certificate manyNames = leaf(ca, caKeys, "CN=many", names);

        long started = System.nanoTime();
        ValidationResult result = validate(List.of(manyNames, ca), "name-1.example.org");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertCode(result, ProblemCode.VALIDATION_LIMIT, "more than " + NameConstraintChecks.MAX_COMPARISONS + " comparisons");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void certificatesPerChainEntryAndPerRequestAreCapped() {
        X509Certificate one = pki.server("cap.example.test", null).certificate();
        String elevenInOneEntry = PemExporter.certificates(java.util.Collections.nCopies(11, one));
        List<String> twentyOneEntries = java.util.Collections.nCopies(21, PemExporter.certificates(List.of(one)));
        List<String> trusted = List.of(PemExporter.certificates(List.of(pki.root.certificate())));

        assertThatThrownBy(() -> validator.validate(ValidationRequest.server(List.of(elevenInOneEntry), trusted, null, null, null)))
                .isInstanceOf(PkiInputException.class).hasMessage("chainPem[0]: at most 10 certificates per entry");
        assertThatThrownBy(() -> validator.validate(ValidationRequest.server(twentyOneEntries, trusted, null, null, null)))
                .isInstanceOf(PkiInputException.class).hasMessage("chainPem: at most 20 certificates in all");
    }

    @Test
    void anRsa1024RootOrIntermediateIsAWeakKey() {
        KeyPair weakRootKeys = TestCertificates.keyPair("RSA", 1024);
        X509Certificate weakRoot = TestCertificates.selfSigned("CN=Weak Root", weakRootKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .signatureAlgorithm("SHA256withRSA").signWith(weakRootKeys.getPrivate());
        X509Certificate underWeakRoot = TestCertificates.issuedBy(weakRoot, "CN=under-weak.example.test", ec().getPublic())
                .signatureAlgorithm("SHA256withRSA").signWith(weakRootKeys.getPrivate());
        KeyPair weakIntermediateKeys = TestCertificates.keyPair("RSA", 1024);
        X509Certificate weakIntermediate = TestCertificates.issuedBy(pki.root.certificate(), "CN=Weak Intermediate",
                        weakIntermediateKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .signWith(pki.root.privateKey());
        X509Certificate underWeakIntermediate = TestCertificates.issuedBy(weakIntermediate, "CN=under-weak.example.test",
                ec().getPublic()).signatureAlgorithm("SHA256withRSA").signWith(weakIntermediateKeys.getPrivate());

        ValidationResult rootResult = validator.validate(List.of(underWeakRoot), List.of(weakRoot), List.of(),
                ValidationRequest.server(List.of(), List.of(), null, null, null));
        assertCode(rootResult, ProblemCode.WEAK_KEY, "'CN=Weak Root' has a 1024-bit RSA key");
        assertCode(validate(List.of(underWeakIntermediate, weakIntermediate), null), ProblemCode.WEAK_KEY,
                "'CN=Weak Intermediate' has a 1024-bit RSA key");
    }

    @Test
    void aCrlWithoutNumberOrFromAnIssuerWithoutCrlSignIsReported() throws Exception {
        X509Certificate server = pki.server("crl.example.test", null).certificate();
        X509CRL withoutNumber = crl(pki.intermediate.certificate(), pki.intermediate.privateKey(), false);
        KeyPair noCrlSignKeys = ec();
        X509Certificate noCrlSignCa = TestCertificates.issuedBy(pki.root.certificate(), "CN=No CRL Sign CA", noCrlSignKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .signWith(pki.root.privateKey());
        X509Certificate underNoCrlSign = TestCertificates.issuedBy(noCrlSignCa, "CN=crl.example.test", ec().getPublic())
                .signWith(noCrlSignKeys.getPrivate());
        X509CRL fromNoCrlSign = crl(noCrlSignCa, noCrlSignKeys.getPrivate(), true);
        ValidationRequest settings = ValidationRequest.server(List.of(), List.of(), null, null, null);

        assertCode(validator.validate(List.of(server, pki.intermediate.certificate()), List.of(pki.root.certificate()),
                List.of(withoutNumber), settings), ProblemCode.CRL_INVALID, "has no CRL number");
        assertCode(validator.validate(List.of(underNoCrlSign, noCrlSignCa), List.of(pki.root.certificate()),
                List.of(fromNoCrlSign), settings), ProblemCode.CRL_INVALID, "does not allow signing CRLs (cRLSign)");
    }

    @Test
    void theRequestCanAskForDepthUsagesAndPeerNames() {
        IssuedCertificate server = pki.server("names.example.test", "10.0.0.21");
        List<String> chain = List.of(pem(server.certificate()), pem(pki.intermediate.certificate()));
        List<String> trusted = List.of(pem(pki.root.certificate()));

        ValidationResult matching = validator.validate(new ValidationRequest(chain, trusted, null, null, null, null, 1,
                List.of("digitalSignature"), List.of("serverAuth"),
                List.of(new PeerName(PeerName.Type.DNS, "names.example.test"), new PeerName(PeerName.Type.IP, "10.0.0.21"))));
        ValidationResult tooDeep = validator.validate(new ValidationRequest(chain, trusted, null, null, null, null, 0,
                null, null, null));
        ValidationResult wrongUsages = validator.validate(new ValidationRequest(chain, trusted, null, null, null, null, null,
                List.of("keyCertSign"), List.of("codeSigning"), List.of(new PeerName(PeerName.Type.DNS, "other.example.test"),
                new PeerName(PeerName.Type.EMAIL, "ops@example.test"))));

        assertThat(matching.problems()).isEmpty();
        assertCode(tooDeep, ProblemCode.PATH_TOO_LONG, "more than the 0 allowed");
        assertCode(wrongUsages, ProblemCode.KEY_USAGE_INVALID, "does not allow keyCertSign");
        assertCode(wrongUsages, ProblemCode.WRONG_EXTENDED_KEY_USAGE, "does not include codeSigning");
        assertCode(wrongUsages, ProblemCode.HOST_NAME_MISMATCH, "not for 'other.example.test'");
        assertCode(wrongUsages, ProblemCode.HOST_NAME_MISMATCH, "has no e-mail name 'ops@example.test'");
        assertThatThrownBy(() -> new ValidationRequest(chain, trusted, null, null, null, null, null, List.of("everything"), null, null))
                .isInstanceOf(PkiInputException.class).hasMessageStartingWith("keyUsage: unknown key usage");
        assertThatThrownBy(() -> new PeerName(PeerName.Type.IP, "not-an-ip"))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("is not an IP address");
    }

    private ValidationResult validate(List<X509Certificate> chain, String host) {
        List<String> pems = new ArrayList<>();
        chain.forEach(c -> pems.add(pem(c)));
        return validator.validate(ValidationRequest.server(pems, List.of(pem(pki.root.certificate())), host, null, null));
    }

    private static X509Certificate constrainedCa(String subject, KeyPair keys, NameConstraints constraints) {
        return TestCertificates.issuedBy(pki.root.certificate(), subject, keys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .extension(Extension.nameConstraints, true, constraints)
                .signWith(pki.root.privateKey());
    }

    private static X509Certificate leaf(X509Certificate ca, KeyPair caKeys, String subject, GeneralName... names) {
        return TestCertificates.issuedBy(ca, subject, ec().getPublic())
                .extension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                .signWith(caKeys.getPrivate());
    }

    private static GeneralName otherName() {
        ASN1EncodableVector value = new ASN1EncodableVector();
        value.add(PRIVATE_OTHER_NAME);
        value.add(new DERTaggedObject(true, 0, DERNull.INSTANCE));
        return new GeneralName(GeneralName.otherName, new DERSequence(value));
    }

    private static GeneralSubtree dnsSubtree(String name) {
        return new GeneralSubtree(new GeneralName(GeneralName.dNSName, name));
    }

    private static X509CRL crl(X509Certificate issuer, java.security.PrivateKey key, boolean numbered) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                Date.from(TestPki.NOW));
        builder.setNextUpdate(Date.from(AT.plus(Duration.ofDays(7))));
        if (numbered) {
            builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.ONE));
        }
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static KeyPair ec() {
        return TestCertificates.keyPair("EC", 256);
    }

    private static String pem(X509Certificate certificate) {
        return PemExporter.certificates(List.of(certificate));
    }

    private static void assertCode(ValidationResult result, ProblemCode code, String messagePart) {
        assertThat(result.problems()).as("problems of the result").anySatisfy(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.message()).contains(messagePart);
        });
    }
}
