package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityOperationsTests {

    private static TestPki pki;

    @BeforeAll
    static void createHierarchy() {
        pki = new TestPki();
    }

    @Test
    void rootCaIsASelfSignedCaWithCertSignAndCrlSign() throws Exception {
        X509Certificate root = pki.root.certificate();
        CertificateDetails details = CertificateDetails.of(root);

        root.verify(root.getPublicKey());
        assertThat(details.ca()).isTrue();
        assertThat(details.pathLength()).isNull();
        assertThat(root.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(details.keyUsage()).containsExactly("keyCertSign", "cRLSign");
        assertThat(details.subjectKeyIdentifier()).isNotBlank();
        assertThat(details.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(details.keySize()).isEqualTo(256);
        assertThat(details.subject()).isEqualTo("CN=Test Root CA,O=Console Tests");
        assertThat(details.notBefore()).isEqualTo(TestPki.NOW.minus(CertificateAuthorityOperations.BACKDATE));
        assertThat(details.notAfter()).isEqualTo(TestPki.NOW.plus(Duration.ofDays(3650)));
    }

    @Test
    void rsa3072RootSignsWithSha256WithRsa() throws Exception {
        IssuedCertificate root = pki.operations.createRootCa(new CaSpec("CN=RSA Root", KeyAlgorithm.RSA_3072, 30), TestPki.NOW);
        CertificateDetails details = CertificateDetails.of(root.certificate());

        root.certificate().verify(root.certificate().getPublicKey());
        assertThat(details.keyAlgorithm()).isEqualTo("RSA");
        assertThat(details.keySize()).isEqualTo(3072);
        assertThat(details.signatureAlgorithm()).isEqualTo("SHA256withRSA");
    }

    @Test
    void intermediateHasPathLengthZeroAndPointsAtTheRoot() throws Exception {
        X509Certificate intermediate = pki.intermediate.certificate();
        CertificateDetails details = CertificateDetails.of(intermediate);

        intermediate.verify(pki.root.certificate().getPublicKey());
        assertThat(details.ca()).isTrue();
        assertThat(details.pathLength()).isZero();
        assertThat(details.authorityKeyIdentifier()).isEqualTo(CertificateDetails.of(pki.root.certificate()).subjectKeyIdentifier());
        assertThat(details.crlDistributionPoints()).containsExactly(TestPki.CRL_URL);
    }

    @Test
    void hostServerCertificateHasTheGenesysProfile() throws Exception {
        IssuedCertificate issued = pki.server("cfg-host-1.example.test", "10.0.0.11");
        X509Certificate certificate = issued.certificate();
        CertificateDetails details = CertificateDetails.of(certificate);

        certificate.verify(pki.intermediate.certificate().getPublicKey());
        assertThat(details.subject()).isEqualTo("CN=cfg-host-1.example.test");
        assertThat(details.subjectAlternativeNames()).containsExactly("DNS:cfg-host-1.example.test", "IP:10.0.0.11");
        assertThat(details.extendedKeyUsage()).containsExactly("serverAuth");
        assertThat(details.keyUsage()).containsExactly("digitalSignature");
        assertThat(details.ca()).isFalse();
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15").doesNotContain("2.5.29.17");
        assertThat(details.subjectKeyIdentifier()).isNotBlank();
        assertThat(details.authorityKeyIdentifier()).isEqualTo(CertificateDetails.of(pki.intermediate.certificate()).subjectKeyIdentifier());
        assertThat(details.crlDistributionPoints()).containsExactly(TestPki.CRL_URL);
        assertThat(PrivateKeys.matches(issued.privateKey(), certificate.getPublicKey())).isTrue();
        assertThat(issued.toString()).contains("cfg-host-1").doesNotContain(issued.privateKey().toString());
    }

    @Test
    void usageDecidesTheExtendedKeyUsageAndRsaAddsKeyEncipherment() {
        IssuedCertificate client = pki.operations.issue(EndEntitySpec.forHost("stat-host", null, CertificateUsage.CLIENT,
                KeyAlgorithm.EC_P256, 30), pki.intermediateCa, TestPki.NOW);
        IssuedCertificate both = pki.operations.issue(EndEntitySpec.forHost("sip-host", "192.0.2.5", CertificateUsage.BOTH,
                KeyAlgorithm.RSA_2048, 30), pki.intermediateCa, TestPki.NOW);

        assertThat(CertificateDetails.of(client.certificate()).extendedKeyUsage()).containsExactly("clientAuth");
        assertThat(CertificateDetails.of(both.certificate()).extendedKeyUsage()).containsExactly("serverAuth", "clientAuth");
        assertThat(CertificateDetails.of(both.certificate()).keyUsage()).containsExactly("digitalSignature", "keyEncipherment");
    }

    @Test
    void issuesForAGivenSubjectAndSanList() {
        IssuedCertificate issued = pki.server("CN=ixn,OU=Contact Centre,O=Example",
                List.of("DNS:ixn.example.test", "DNS:ixn-backup.example.test", "IP:2001:db8::7"), CertificateUsage.SERVER, TestPki.NOW, 90);
        CertificateDetails details = CertificateDetails.of(issued.certificate());

        assertThat(details.subject()).isEqualTo("CN=ixn,OU=Contact Centre,O=Example");
        assertThat(details.subjectAlternativeNames()).hasSize(3).contains("DNS:ixn-backup.example.test");
        assertThat(details.subjectAlternativeNames().get(2)).startsWith("IP:2001:db8:");
    }

    @Test
    void serialsAreDistinctPositiveAndCarryMoreThan64RandomBits() {
        Set<BigInteger> serials = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            BigInteger serial = pki.server("host" + i, null).certificate().getSerialNumber();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isGreaterThanOrEqualTo(64).isLessThanOrEqualTo(159);
            serials.add(serial);
        }
        assertThat(serials).hasSize(20);
        // the random part differs in many bits between any two serials, not just a counter's low bits
        List<BigInteger> list = List.copyOf(serials);
        assertThat(list.get(0).xor(list.get(1)).bitCount()).isGreaterThan(16);
    }

    @Test
    void signsAnOpensslCsrTakingSubjectAndRequestedSans() throws Exception {
        X509Certificate certificate = pki.operations.signCsr(Fixtures.text("host.csr"), CertificateUsage.SERVER, 365,
                pki.intermediateCa, TestPki.NOW);
        CertificateDetails details = CertificateDetails.of(certificate);

        certificate.verify(pki.intermediate.certificate().getPublicKey());
        assertThat(details.subject()).isEqualTo("CN=csr.example.test,O=Fixture Org");
        assertThat(details.subjectAlternativeNames()).containsExactly("DNS:csr.example.test", "IP:192.0.2.20");
        assertThat(details.extendedKeyUsage()).containsExactly("serverAuth");
        assertThat(details.ca()).isFalse();
    }

    @Test
    void csrWithoutSansGetsItsHostNameCommonNameAsDnsSan() {
        X509Certificate certificate = pki.operations.signCsr(Fixtures.text("legacy-no-san.csr"), CertificateUsage.BOTH, 30,
                pki.intermediateCa, TestPki.NOW);

        assertThat(CertificateDetails.of(certificate).subjectAlternativeNames()).containsExactly("DNS:legacy.example.test");
    }

    @Test
    void refusesACsrWithAWeakRsaKey() {
        assertThatThrownBy(() -> pki.operations.signCsr(Fixtures.text("weak-rsa-1024.csr"), CertificateUsage.SERVER, 30,
                pki.intermediateCa, TestPki.NOW))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("1024 bits; at least 2048");
    }

    @Test
    void refusesATamperedCsr() {
        byte[] der = TestPki.derOfPem(Fixtures.text("host.csr"));
        der[der.length - 1] ^= 0x01; // inside the signature value
        String tampered = TestPki.pem("CERTIFICATE REQUEST", der);

        assertThatThrownBy(() -> pki.operations.signCsr(tampered, CertificateUsage.SERVER, 365, pki.intermediateCa, TestPki.NOW))
                .isInstanceOf(PkiInputException.class)
                .hasMessageContaining("signature does not verify");
        assertThatThrownBy(() -> pki.operations.signCsr(Fixtures.text("rsa-leaf.pem"), CertificateUsage.SERVER, 365,
                pki.intermediateCa, TestPki.NOW))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("not a certificate signing request");
    }

    @Test
    void refusesImpossibleValidity() {
        EndEntitySpec tooLong = EndEntitySpec.forHost("h", null, CertificateUsage.SERVER, KeyAlgorithm.EC_P256, 826);
        EndEntitySpec zero = EndEntitySpec.forHost("h", null, CertificateUsage.SERVER, KeyAlgorithm.EC_P256, 0);

        assertThatThrownBy(() -> pki.operations.issue(tooLong, pki.intermediateCa, TestPki.NOW))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("between 1 and 825 days");
        assertThatThrownBy(() -> pki.operations.issue(zero, pki.intermediateCa, TestPki.NOW))
                .isInstanceOf(PkiInputException.class);
        EndEntitySpec beyondCa = EndEntitySpec.forHost("h", null, CertificateUsage.SERVER, KeyAlgorithm.EC_P256, 800);
        assertThatThrownBy(() -> pki.operations.issue(beyondCa, pki.intermediateCa, TestPki.NOW.plus(Duration.ofDays(1500))))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("outlive its CA").hasMessageContaining("at most");
        assertThatThrownBy(() -> pki.operations.issue(beyondCa, pki.intermediateCa, TestPki.NOW.plus(Duration.ofDays(2000))))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("expired");
    }

    @Test
    void refusesIssuersThatCannotSign() {
        IssuedCertificate leaf = pki.server("leaf-host", null);
        IssuingCa leafAsCa = new IssuingCa(leaf.certificate(), leaf.privateKey());
        IssuingCa wrongKey = new IssuingCa(pki.intermediate.certificate(), pki.root.privateKey());
        EndEntitySpec spec = EndEntitySpec.forHost("h", null, CertificateUsage.SERVER, KeyAlgorithm.EC_P256, 30);
        CaSpec subCa = new CaSpec("CN=Sub", KeyAlgorithm.EC_P256, 30);

        assertThatThrownBy(() -> pki.operations.issue(spec, leafAsCa, TestPki.NOW))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("not a CA certificate");
        assertThatThrownBy(() -> pki.operations.issue(spec, wrongKey, TestPki.NOW))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> pki.operations.createIntermediateCa(subCa, pki.intermediateCa, TestPki.NOW))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("path length 0");
        assertThat(wrongKey.toString()).doesNotContain(pki.root.privateKey().toString());
    }

    @Test
    void refusesBadNamesWithMessagesThatShowTheFormat() {
        assertThatThrownBy(() -> pki.operations.createRootCa(new CaSpec("not a dn", KeyAlgorithm.EC_P256, 30), TestPki.NOW))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("CN=Console Root CA,O=Example");
        assertThatThrownBy(() -> pki.server("CN=x", List.of("DNS:bad name"), CertificateUsage.SERVER, TestPki.NOW, 30))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("not a valid DNS name");
        assertThatThrownBy(() -> pki.server("CN=x", List.of("IP:10.0.0.300"), CertificateUsage.SERVER, TestPki.NOW, 30))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> pki.server("CN=x", List.of(), CertificateUsage.SERVER, TestPki.NOW, 30))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("at least one subject alternative name");
        assertThatThrownBy(() -> KeyAlgorithm.fromName("DSA_1024"))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("EC_P256, RSA_2048, RSA_3072");
    }

    @Test
    void opensslVerifiesTheIssuedChain(@TempDir Path directory) {
        OpenSsl.requireAvailable();
        IssuedCertificate leaf = pki.server("verify-host.example.test", "192.0.2.44");
        Path root = OpenSsl.write(directory, "root.pem", pem(pki.root.certificate()));
        Path intermediate = OpenSsl.write(directory, "int.pem", pem(pki.intermediate.certificate()));
        Path server = OpenSsl.write(directory, "leaf.pem", pem(leaf.certificate()));
        String at = Long.toString(TestPki.NOW.plus(Duration.ofDays(1)).getEpochSecond());

        String output = OpenSsl.ok(null, "verify", "-attime", at, "-x509_strict", "-purpose", "sslserver",
                "-verify_hostname", "verify-host.example.test", "-CAfile", root.toString(),
                "-untrusted", intermediate.toString(), server.toString());

        assertThat(output).contains(": OK");
    }

    private static byte[] pem(X509Certificate certificate) {
        return TestPki.pem("CERTIFICATE", CertificateIds.der(certificate)).getBytes(StandardCharsets.US_ASCII);
    }
}
