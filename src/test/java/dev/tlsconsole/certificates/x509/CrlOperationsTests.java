package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrlOperationsTests {

    private static final Instant THIS_UPDATE = TestPki.NOW.plus(Duration.ofDays(10));
    private static TestPki pki;
    private static IssuedCertificate compromised;
    private static IssuedCertificate retired;
    private final CrlOperations crls = new CrlOperations(new SecureRandom());

    @BeforeAll
    static void issue() {
        pki = new TestPki();
        compromised = pki.server("compromised.example.test", null);
        retired = pki.server("retired.example.test", null);
    }

    @Test
    void generatedCrlListsEntriesWithReasonsNumberAndAki() throws Exception {
        CrlDetails crl = crls.generate(spec(BigInteger.valueOf(42), THIS_UPDATE, THIS_UPDATE.plus(Duration.ofDays(7))), pki.intermediateCa);

        assertThat(crl.issuer()).isEqualTo("CN=Test Issuing CA,O=Console Tests");
        assertThat(crl.crlNumber()).isEqualTo(42);
        assertThat(crl.thisUpdate()).isEqualTo(THIS_UPDATE);
        assertThat(crl.nextUpdate()).isEqualTo(THIS_UPDATE.plus(Duration.ofDays(7)));
        assertThat(crl.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(crl.authorityKeyIdentifier()).isEqualTo(CertificateDetails.of(pki.intermediate.certificate()).subjectKeyIdentifier());
        assertThat(crl.entryFor(compromised.certificate().getSerialNumber())).get()
                .extracting(RevokedCertificate::reason).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(crl.entryFor(retired.certificate().getSerialNumber())).get()
                .extracting(RevokedCertificate::reason).isEqualTo(RevocationReason.UNSPECIFIED);
        assertThat(crl.entryFor(BigInteger.TEN)).isEmpty();
        CrlOperations.read(crl.der()).verify(pki.intermediate.certificate().getPublicKey());
        assertThat(crls.parse(crl.pem().getBytes(StandardCharsets.US_ASCII))).isEqualTo(crl);
        assertThat(crl.staleAt(THIS_UPDATE.plus(Duration.ofDays(8)))).isTrue();
        assertThat(crl.staleAt(THIS_UPDATE.plus(Duration.ofDays(6)))).isFalse();
    }

    @Test
    void opensslReadsTheDerCrlAndSeesTheRevokedSerial() {
        OpenSsl.requireAvailable();
        CrlDetails crl = crls.generate(spec(BigInteger.valueOf(7), THIS_UPDATE, THIS_UPDATE.plus(Duration.ofDays(7))), pki.intermediateCa);

        String text = OpenSsl.ok(crl.der(), "crl", "-inform", "DER", "-noout", "-text");

        assertThat(text).contains("Serial Number: " + CertificateIds.serialHex(compromised.certificate().getSerialNumber()));
        assertThat(text).contains("Serial Number: " + CertificateIds.serialHex(retired.certificate().getSerialNumber()));
        assertThat(text).contains("Key Compromise").contains("X509v3 CRL Number").contains("Authority Key Identifier");
        assertThat(text).contains("Issuer: O = Console Tests, CN = Test Issuing CA");
    }

    @Test
    void refusesToSignAnInconsistentCrl() {
        Instant next = THIS_UPDATE.plus(Duration.ofDays(7));
        assertThatThrownBy(() -> crls.generate(spec(BigInteger.ONE, THIS_UPDATE, THIS_UPDATE), pki.intermediateCa))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("nextUpdate").hasMessageContaining("must be after");
        assertThatThrownBy(() -> crls.generate(spec(BigInteger.ONE.negate(), THIS_UPDATE, next), pki.intermediateCa))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("CRL number");
        RevokedCertificate hold = new RevokedCertificate(BigInteger.TWO, THIS_UPDATE, RevocationReason.REMOVE_FROM_CRL);
        assertThatThrownBy(() -> crls.generate(new CrlSpec(BigInteger.ONE, THIS_UPDATE, next, List.of(hold)), pki.intermediateCa))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("delta CRLs");
        RevokedCertificate future = new RevokedCertificate(BigInteger.TWO, next, RevocationReason.SUPERSEDED);
        assertThatThrownBy(() -> crls.generate(new CrlSpec(BigInteger.ONE, THIS_UPDATE, next, List.of(future)), pki.intermediateCa))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("after the CRL's thisUpdate");
        RevokedCertificate once = new RevokedCertificate(BigInteger.TWO, THIS_UPDATE, RevocationReason.SUPERSEDED);
        assertThatThrownBy(() -> crls.generate(new CrlSpec(BigInteger.ONE, THIS_UPDATE, next, List.of(once, once)), pki.intermediateCa))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("listed twice");
    }

    @Test
    void refusesASignerWithoutCrlSignOrWithTheWrongKey() {
        CrlSpec spec = spec(BigInteger.ONE, THIS_UPDATE, THIS_UPDATE.plus(Duration.ofDays(1)));
        IssuingCa leafAsSigner = new IssuingCa(compromised.certificate(), compromised.privateKey());
        IssuingCa wrongKey = new IssuingCa(pki.intermediate.certificate(), pki.root.privateKey());

        assertThatThrownBy(() -> crls.generate(spec, leafAsSigner))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("lacks cRLSign");
        assertThatThrownBy(() -> crls.generate(spec, wrongKey))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("does not belong");
    }

    @Test
    void importsAnOpensslCrlInPemAndDer() {
        CertificateParser parser = new CertificateParser();
        var intermediate = parser.parse(Fixtures.bytes("intermediate-ca.pem"), null).leaf();
        var leaf = parser.parse(Fixtures.bytes("rsa-leaf.pem"), null).leaf();

        CrlDetails fromPem = crls.importCrl(Fixtures.bytes("intermediate.crl.pem"), intermediate);
        CrlDetails fromDer = crls.importCrl(Fixtures.bytes("intermediate.crl.der"), intermediate);

        assertThat(fromPem).isEqualTo(fromDer);
        assertThat(fromPem.issuer()).isEqualTo("CN=Fixture Intermediate CA,O=Fixture Org");
        assertThat(fromPem.crlNumber()).isEqualTo(0x1000);
        assertThat(fromPem.nextUpdate()).isAfter(fromPem.thisUpdate());
        assertThat(fromPem.revoked()).singleElement().satisfies(entry -> {
            assertThat(entry.serialNumber()).isEqualTo(leaf.getSerialNumber());
            assertThat(entry.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        });
    }

    @Test
    void refusesAnImportedCrlFromAnotherCaOrAltered() {
        CertificateParser parser = new CertificateParser();
        var intermediate = parser.parse(Fixtures.bytes("intermediate-ca.pem"), null).leaf();
        var root = parser.parse(Fixtures.bytes("root-ca.pem"), null).leaf();
        IssuedCertificate impostor = pki.operations.createRootCa(
                new CaSpec("CN=Fixture Intermediate CA,O=Fixture Org", KeyAlgorithm.EC_P256, 30), TestPki.NOW);
        byte[] altered = Fixtures.bytes("intermediate.crl.der");
        altered[altered.length - 1] ^= 0x01;

        assertThatThrownBy(() -> crls.importCrl(Fixtures.bytes("intermediate.crl.pem"), root))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("not by the CA CN=Fixture Root CA");
        assertThatThrownBy(() -> crls.importCrl(Fixtures.bytes("intermediate.crl.pem"), impostor.certificate()))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("signature does not verify");
        assertThatThrownBy(() -> crls.importCrl(altered, intermediate))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("signature does not verify");
        assertThatThrownBy(() -> crls.importCrl(Fixtures.bytes("rsa-leaf.pem"), intermediate))
                .isInstanceOf(PkiInputException.class).hasMessage("not a PEM or DER certificate revocation list");
        assertThatThrownBy(() -> crls.importCrl(new byte[0], intermediate))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("empty");
    }

    private static CrlSpec spec(BigInteger number, Instant thisUpdate, Instant nextUpdate) {
        return new CrlSpec(number, thisUpdate, nextUpdate, List.of(
                new RevokedCertificate(compromised.certificate().getSerialNumber(), TestPki.NOW.plus(Duration.ofDays(1)),
                        RevocationReason.KEY_COMPROMISE),
                new RevokedCertificate(retired.certificate().getSerialNumber(), TestPki.NOW.plus(Duration.ofDays(2)),
                        RevocationReason.UNSPECIFIED)));
    }
}
