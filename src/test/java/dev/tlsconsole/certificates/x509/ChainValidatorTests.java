package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChainValidatorTests {

    private static final String HOST = "cfg-host-1.example.test";
    private static final Instant AT = TestPki.NOW.plus(Duration.ofDays(1));
    private static TestPki pki;
    private static IssuedCertificate server;
    private final ChainValidator validator = new ChainValidator(Clock.fixed(AT, ZoneOffset.UTC));
    private final CrlOperations crls = new CrlOperations(new SecureRandom());

    @BeforeAll
    static void issue() {
        pki = new TestPki();
        server = pki.server(HOST, "10.0.0.11");
    }

    @Test
    void aGoodChainIsValidAndShowsItsPath() {
        ValidationResult result = validate(chain(server.certificate()), HOST, null, List.of());

        assertThat(result.valid()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.path()).containsExactly("CN=" + HOST, "CN=Test Issuing CA,O=Console Tests", "CN=Test Root CA,O=Console Tests");
        assertThat(validate(chain(server.certificate()), "10.0.0.11", null, List.of()).valid()).isTrue();
    }

    @Test
    void intermediatesMayComeInAnyOrderAndAsOneBundle() {
        String bundle = PemExporter.certificates(List.of(server.certificate(), pki.intermediate.certificate()));

        assertThat(validator.validate(ValidationRequest.server(List.of(bundle), trusted(), HOST, null, List.of())).valid()).isTrue();
    }

    @Test
    void untrustedRootAndMissingIntermediateAreUntrustedIssuer() {
        IssuedCertificate otherRoot = pki.operations.createRootCa(new CaSpec("CN=Other Root", KeyAlgorithm.EC_P256, 30), TestPki.NOW);
        ValidationResult wrongRoot = validator.validate(ValidationRequest.server(chain(server.certificate()),
                List.of(PemExporter.certificates(List.of(otherRoot.certificate()))), HOST, null, List.of()));
        ValidationResult noIntermediate = validator.validate(ValidationRequest.server(
                List.of(PemExporter.certificates(List.of(server.certificate()))), trusted(), HOST, null, List.of()));

        ValidationResult selfSignedUntrusted = validator.validate(ValidationRequest.server(
                List.of(pem(server.certificate()), pem(pki.intermediate.certificate()), pem(pki.root.certificate())),
                List.of(PemExporter.certificates(List.of(otherRoot.certificate()))), HOST, null, List.of()));

        assertCode(wrongRoot, ProblemCode.UNTRUSTED_ISSUER, "issuer 'CN=Test Root CA,O=Console Tests' is neither supplied nor trusted");
        assertCode(selfSignedUntrusted, ProblemCode.UNTRUSTED_ISSUER,
                "ends at the self-signed 'CN=Test Root CA,O=Console Tests', which is not a trusted root");
        assertCode(noIntermediate, ProblemCode.UNTRUSTED_ISSUER, "issuer 'CN=Test Issuing CA,O=Console Tests' is neither supplied nor trusted");
        assertThat(wrongRoot.path()).isEmpty();
    }

    @Test
    void expiredAndNotYetValidLeaf() {
        Instant afterExpiry = server.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));

        assertCode(validate(chain(server.certificate()), HOST, afterExpiry, List.of()), ProblemCode.CERT_EXPIRED,
                "'CN=" + HOST + "' expired on " + server.certificate().getNotAfter().toInstant());
        assertCode(validate(chain(server.certificate()), HOST, TestPki.NOW.minus(Duration.ofDays(1)), List.of()),
                ProblemCode.CERT_NOT_YET_VALID, "is not valid before");
    }

    @Test
    void hostNameMismatchListsWhatTheCertificateIsFor() {
        ValidationResult result = validate(chain(server.certificate()), "stat-host.example.test", null, List.of());

        assertCode(result, ProblemCode.HOST_NAME_MISMATCH,
                "is for DNS:" + HOST + ", IP:10.0.0.11, not for 'stat-host.example.test'");
        assertThat(HostnameMatcher.matches(HOST.toUpperCase() + ".", server.certificate())).isTrue();
    }

    @Test
    void revokedLeafIsReportedWithReasonAndDate() {
        String crl = crl(pki.intermediateCa, server.certificate().getSerialNumber(), AT.plus(Duration.ofDays(7))).pem();

        ValidationResult result = validate(chain(server.certificate()), HOST, null, List.of(crl));

        assertCode(result, ProblemCode.CERT_REVOKED, "is revoked since " + TestPki.NOW + " (reason: keyCompromise)");
        ValidationResult notListed = validate(chain(pki.server("clean.example.test", null).certificate()), null, null, List.of(crl));
        assertThat(notListed.valid()).isTrue();
    }

    @Test
    void staleForgedOrForeignCrlsAreProblems() {
        IssuedCertificate clean = pki.server("clean.example.test", null);
        CrlDetails shortLived = crl(pki.intermediateCa, BigInteger.TEN, AT.plus(Duration.ofHours(1)));
        ValidationResult stale = validate(chain(clean.certificate()), null, AT.plus(Duration.ofDays(2)), List.of(shortLived.pem()));
        IssuedCertificate impostor = pki.operations.createRootCa(
                new CaSpec("CN=Test Issuing CA,O=Console Tests", KeyAlgorithm.EC_P256, 30), TestPki.NOW);
        CrlDetails forged = crl(new IssuingCa(impostor.certificate(), impostor.privateKey()), BigInteger.TEN, AT.plus(Duration.ofDays(7)));
        ValidationResult forgedResult = validate(chain(clean.certificate()), null, null, List.of(forged.pem()));
        CrlDetails rootCrl = crl(pki.rootCa, BigInteger.TEN, AT.plus(Duration.ofDays(7)));
        ValidationResult foreign = validate(chain(clean.certificate()), null, null, List.of(rootCrl.pem()));

        assertCode(stale, ProblemCode.CRL_STALE, "expired on " + shortLived.nextUpdate());
        assertCode(forgedResult, ProblemCode.CRL_INVALID, "not signed by that CA's key");
        assertCode(foreign, ProblemCode.REVOCATION_UNKNOWN, "no current CRL of its issuer was supplied");
    }

    @Test
    void tamperedSignatureIsReported() throws Exception {
        byte[] der = server.certificate().getEncoded();
        der[der.length - 3] ^= 0x01;
        String tampered = TestPki.pem("CERTIFICATE", der);

        ValidationResult result = validator.validate(ValidationRequest.server(
                List.of(tampered, pem(pki.intermediate.certificate())), trusted(), HOST, null, List.of()));

        assertCode(result, ProblemCode.SIGNATURE_INVALID, "does not verify with its issuer's key");
    }

    @Test
    void weakKeyIsAlgorithmConstrainedAndDsaIsUnsupported() {
        KeyPair rsa512 = TestCertificates.keyPair("RSA", 512);
        X509Certificate weak = leafWithKey(rsa512, "CN=weak.example.test");
        KeyPair dsa = TestCertificates.keyPair("DSA", 2048);
        X509Certificate dsaLeaf = leafWithKey(dsa, "CN=dsa.example.test");

        assertCode(validate(chain(weak), null, null, List.of()), ProblemCode.WEAK_ALGORITHM, "no longer accepted");
        assertCode(validate(chain(dsaLeaf), null, null, List.of()), ProblemCode.UNSUPPORTED_KEY_TYPE, "has a DSA key");
    }

    @Test
    void certificateIssuedByANonCaIsNotACaOrLacksKeyCertSign() {
        KeyPair plainKeys = TestCertificates.keyPair("EC", 256);
        X509Certificate plain = TestCertificates.issuedBy(pki.intermediate.certificate(), "CN=plain.example.test", plainKeys.getPublic())
                .signWith(pki.intermediate.privateKey());
        X509Certificate underPlain = TestCertificates.issuedBy(plain, "CN=under-plain.example.test",
                TestCertificates.keyPair("EC", 256).getPublic()).signWith(plainKeys.getPrivate());
        X509Certificate underServer = TestCertificates.issuedBy(server.certificate(), "CN=under-server.example.test",
                TestCertificates.keyPair("EC", 256).getPublic()).signWith(server.privateKey());

        ValidationResult notCa = validate(List.of(pem(underPlain), pem(plain), pem(pki.intermediate.certificate())), null, null, List.of());
        ValidationResult noCertSign = validate(List.of(pem(underServer), pem(server.certificate()), pem(pki.intermediate.certificate())),
                null, null, List.of());

        assertCode(notCa, ProblemCode.NOT_A_CA, "'CN=plain.example.test' issues certificates but is not a CA certificate");
        assertCode(noCertSign, ProblemCode.KEY_USAGE_INVALID, "the key usage of the certificate 'CN=" + HOST + "' does not allow this use");
    }

    @Test
    void pathLengthAndMaximumIntermediatesAreEnforced() {
        KeyPair subCaKeys = TestCertificates.keyPair("EC", 256);
        X509Certificate subCa = TestCertificates.issuedBy(pki.intermediate.certificate(), "CN=Sub CA", subCaKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .signWith(pki.intermediate.privateKey());
        X509Certificate belowSubCa = TestCertificates.issuedBy(subCa, "CN=deep.example.test",
                TestCertificates.keyPair("EC", 256).getPublic()).signWith(subCaKeys.getPrivate());
        ValidationRequest capped = new ValidationRequest(chain(server.certificate()), trusted(), HOST, null, List.of(),
                ValidationRequest.Purpose.SERVER, 0);

        assertCode(validate(List.of(pem(belowSubCa), pem(subCa), pem(pki.intermediate.certificate())), null, null, List.of()),
                ProblemCode.PATH_TOO_LONG, "path length");
        assertCode(validator.validate(capped), ProblemCode.PATH_TOO_LONG, "more than the 0 allowed");
    }

    @Test
    void keyUsageAndExtendedKeyUsageMustFitTheTlsRole() {
        X509Certificate certSignLeaf = TestCertificates.issuedBy(pki.intermediate.certificate(), "CN=" + HOST,
                        TestCertificates.keyPair("EC", 256).getPublic())
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign))
                .signWith(pki.intermediate.privateKey());
        IssuedCertificate client = pki.operations.issue(EndEntitySpec.forHost(HOST, null, CertificateUsage.CLIENT,
                KeyAlgorithm.EC_P256, 30), pki.intermediateCa, TestPki.NOW);

        assertCode(validate(chain(certSignLeaf), HOST, null, List.of()), ProblemCode.KEY_USAGE_INVALID, "keyCertSign but is not a CA");
        assertCode(validate(chain(client.certificate()), HOST, null, List.of()), ProblemCode.WRONG_EXTENDED_KEY_USAGE,
                "does not include serverAuth");
        ValidationRequest asClient = new ValidationRequest(chain(client.certificate()), trusted(), null, null, List.of(),
                ValidationRequest.Purpose.CLIENT, null);
        assertThat(validator.validate(asClient).valid()).isTrue();
    }

    @Test
    void aCaCertificateIsNotAServerCertificate() {
        ValidationResult result = validate(List.of(pem(pki.intermediate.certificate())), null, null, List.of());

        assertCode(result, ProblemCode.LEAF_IS_CA, "is a CA certificate");
    }

    @Test
    void aPinnedSelfSignedServerCertificateIsValidEvenWhenMarkedAsCa() {
        IssuedCertificate selfSigned = pki.operations.createRootCa(new CaSpec("CN=" + HOST, KeyAlgorithm.EC_P256, 30), TestPki.NOW);
        KeyPair keys = TestCertificates.keyPair("EC", 256);
        X509Certificate pinned = TestCertificates.issuedBy(selfSigned.certificate(), "CN=" + HOST, keys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .signWith(keys.getPrivate());
        List<String> both = List.of(pem(pinned));

        ValidationResult result = validator.validate(ValidationRequest.server(both, both, HOST, null, List.of()));

        assertThat(result.problems()).isEmpty();
        assertThat(result.path()).containsExactly("CN=" + HOST);
    }

    @Test
    void unknownCriticalExtensionAndMalformedSansAreRefused() {
        X509Certificate unknownCritical = TestCertificates.issuedBy(pki.intermediate.certificate(), "CN=" + HOST,
                        TestCertificates.keyPair("EC", 256).getPublic())
                .extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, new DERUTF8String("x"))
                .signWith(pki.intermediate.privateKey());
        X509Certificate badSan = TestCertificates.issuedBy(pki.intermediate.certificate(), "CN=" + HOST,
                        TestCertificates.keyPair("EC", 256).getPublic())
                .extension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "*.com"), new GeneralName(GeneralName.dNSName, HOST)}))
                .signWith(pki.intermediate.privateKey());

        assertCode(validate(chain(unknownCritical), HOST, null, List.of()), ProblemCode.UNKNOWN_CRITICAL_EXTENSION, "critical extension");
        assertCode(validate(chain(badSan), HOST, null, List.of()), ProblemCode.INVALID_EXTENSION, "'DNS:*.com'");
    }

    @Test
    void nameConstraintsOfAnIntermediateAreEnforced() {
        KeyPair constrainedKeys = TestCertificates.keyPair("EC", 256);
        GeneralSubtree permitted = new GeneralSubtree(new GeneralName(GeneralName.dNSName, "allowed.test"));
        X509Certificate constrained = TestCertificates.issuedBy(pki.root.certificate(), "CN=Constrained CA", constrainedKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .extension(Extension.nameConstraints, true, new NameConstraints(new GeneralSubtree[] {permitted}, null))
                .signWith(pki.root.privateKey());
        X509Certificate outside = TestCertificates.issuedBy(constrained, "CN=outside.example.test",
                        TestCertificates.keyPair("EC", 256).getPublic())
                .extension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "outside.example.test")))
                .signWith(constrainedKeys.getPrivate());

        assertCode(validate(List.of(pem(outside), pem(constrained)), "outside.example.test", null, List.of()),
                ProblemCode.NAME_CONSTRAINTS_VIOLATED, "outside the name constraints");
    }

    @Test
    void anUnsatisfiableExplicitPolicyIsAPolicyProblem() {
        KeyPair caKeys = TestCertificates.keyPair("EC", 256);
        X509Certificate policyCa = TestCertificates.issuedBy(pki.root.certificate(), "CN=Policy CA", caKeys.getPublic())
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .extension(Extension.policyConstraints, true, new PolicyConstraints(BigInteger.ZERO, null))
                .signWith(pki.root.privateKey());
        X509Certificate leaf = TestCertificates.issuedBy(policyCa, "CN=" + HOST, TestCertificates.keyPair("EC", 256).getPublic())
                .signWith(caKeys.getPrivate());

        assertCode(validate(List.of(pem(leaf), pem(policyCa)), HOST, null, List.of()), ProblemCode.POLICY_INVALID,
                "certificate policy processing failed");
    }

    @Test
    void inputThatIsNotPemIsRefusedNamingTheField() {
        assertThatThrownBy(() -> validator.validate(ValidationRequest.server(List.of("garbage"), trusted(), HOST, null, List.of())))
                .isInstanceOf(PkiInputException.class).hasMessageStartingWith("chainPem[0]: ");
        assertThatThrownBy(() -> validator.validate(ValidationRequest.server(chain(server.certificate()), trusted(), HOST, null,
                List.of("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"))))
                .isInstanceOf(PkiInputException.class).hasMessageStartingWith("crlsPem[0]: ");
        assertThatThrownBy(() -> validator.validate(ValidationRequest.server(List.of(), trusted(), HOST, null, null)))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("at least the leaf");
        assertThatThrownBy(() -> validator.validate(ValidationRequest.server(chain(server.certificate()), List.of(), HOST, null, null)))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("at least one trusted root");
    }

    private X509Certificate leafWithKey(KeyPair keys, String subject) {
        return TestCertificates.issuedBy(pki.intermediate.certificate(), subject, keys.getPublic()).signWith(pki.intermediate.privateKey());
    }

    private CrlDetails crl(IssuingCa ca, BigInteger revokedSerial, Instant nextUpdate) {
        return crls.generate(new CrlSpec(BigInteger.ONE, AT, nextUpdate,
                List.of(new RevokedCertificate(revokedSerial, TestPki.NOW, RevocationReason.KEY_COMPROMISE))), ca);
    }

    private ValidationResult validate(List<String> chainPem, String host, Instant at, List<String> crlPems) {
        return validator.validate(ValidationRequest.server(chainPem, trusted(), host, at, crlPems));
    }

    private static List<String> chain(X509Certificate leaf) {
        return List.of(pem(leaf), pem(pki.intermediate.certificate()));
    }

    private static List<String> trusted() {
        return List.of(pem(pki.root.certificate()));
    }

    private static String pem(X509Certificate certificate) {
        return PemExporter.certificates(List.of(certificate));
    }

    private static void assertCode(ValidationResult result, ProblemCode code, String messagePart) {
        assertThat(result.valid()).as("valid").isFalse();
        assertThat(result.problems()).as("problems").anySatisfy(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.message()).contains(messagePart);
        });
    }
}
