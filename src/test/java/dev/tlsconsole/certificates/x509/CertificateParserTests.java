package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateParserTests {

    private final CertificateParser parser = new CertificateParser();

    @Test
    void readsASinglePemCertificate() {
        ParsedCertificates parsed = parser.parse(Fixtures.bytes("rsa-leaf.pem"), null);

        assertThat(parsed.chain()).hasSize(1);
        assertThat(parsed.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=rsa.example.test,O=Fixture Org");
        assertThat(parsed.privateKey()).isEmpty();
    }

    @Test
    void readsPemSavedWithAByteOrderMark() {
        byte[] withBom = ("\uFEFF" + Fixtures.text("rsa-leaf.pem")).getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(withBom, null).leaf()).isEqualTo(parser.parse(Fixtures.bytes("rsa-leaf.pem"), null).leaf());
    }

    @Test
    void readsADerCertificateAsTheSameCertificateAsItsPem() {
        X509Certificate der = parser.parse(Fixtures.bytes("rsa-leaf.der"), null).leaf();
        X509Certificate pem = parser.parse(Fixtures.bytes("rsa-leaf.pem"), null).leaf();

        assertThat(der).isEqualTo(pem);
    }

    @Test
    void readsALeafFirstChain() {
        List<X509Certificate> chain = parser.parse(Fixtures.bytes("rsa-chain.pem"), null).chain();

        assertThat(chain).extracting(c -> c.getSubjectX500Principal().getName()).containsExactly(
                "CN=rsa.example.test,O=Fixture Org", "CN=Fixture Intermediate CA,O=Fixture Org", "CN=Fixture Root CA,O=Fixture Org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-leaf.pkcs8.key", "rsa-leaf.pkcs1.key"})
    void readsPlainRsaKeysInPkcs8AndPkcs1(String keyFile) {
        ParsedCertificates parsed = parser.parsePem(Fixtures.text("rsa-leaf.pem"), Fixtures.text(keyFile), null);

        assertThat(parsed.privateKey()).get().extracting(PrivateKey::getAlgorithm).isEqualTo("RSA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-leaf.pkcs8-encrypted.key", "rsa-leaf.pkcs1-encrypted.key"})
    void readsEncryptedRsaKeysInPkcs8AndLegacyPkcs1(String keyFile) {
        ParsedCertificates parsed = parser.parsePem(Fixtures.text("rsa-leaf.pem"), Fixtures.text(keyFile), Fixtures.password());

        assertThat(parsed.privateKey()).isPresent();
        assertThat(PrivateKeys.matches(parsed.privateKey().get(), parsed.leaf().getPublicKey())).isTrue();
    }

    @Test
    void readsAnSec1EcKeyPastedInTheSameTextAsTheCertificate() {
        String both = Fixtures.text("ec-leaf.pem") + Fixtures.text("ec-leaf.sec1.key");

        ParsedCertificates parsed = parser.parse(both.getBytes(StandardCharsets.UTF_8), null);

        assertThat(parsed.privateKey()).get().extracting(PrivateKey::getAlgorithm).isEqualTo("EC");
    }

    @Test
    void readsPkcs12WithKeyAndWholeChain() {
        ParsedCertificates parsed = parser.parse(Fixtures.bytes("ec-leaf.p12"), Fixtures.password());

        assertThat(parsed.chain()).hasSize(3);
        assertThat(parsed.leaf().getSubjectX500Principal().getName()).startsWith("CN=ec.example.test");
        assertThat(parsed.privateKey()).isPresent();
    }

    @Test
    void readsLegacyRc2TripleDesPkcs12() {
        ParsedCertificates parsed = parser.parse(Fixtures.bytes("rsa-leaf-legacy.p12"), Fixtures.password());

        assertThat(parsed.chain()).hasSize(2);
        assertThat(parsed.privateKey()).isPresent();
    }

    @Test
    void readsACertificatesOnlyPkcs12AndPutsItsChainLeafFirst() {
        ParsedCertificates parsed = parser.parse(Fixtures.bytes("certificates-only.p12"), Fixtures.password());

        assertThat(parsed.chain()).extracting(c -> c.getSubjectX500Principal().getName()).containsExactly(
                "CN=rsa.example.test,O=Fixture Org", "CN=Fixture Intermediate CA,O=Fixture Org", "CN=Fixture Root CA,O=Fixture Org");
        assertThat(parsed.privateKey()).isEmpty();
    }

    @Test
    void readsATrustBundleInAnyOrder() {
        List<X509Certificate> bundle = parser.parseCertificates(Fixtures.text("rsa-chain-root-first.pem"));

        assertThat(bundle).hasSize(3);
    }

    @Test
    void rejectsGarbage() {
        byte[] garbage = new byte[300];
        Arrays.fill(garbage, (byte) 0x5a);

        assertRejected(garbage, null, "not a PEM, DER or PKCS#12 certificate");
        assertRejected(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}, null, "not a PEM, DER or PKCS#12 certificate");
    }

    @Test
    void rejectsEmptyAndOversizedInput() {
        assertRejected(new byte[0], null, "empty");
        assertThatThrownBy(() -> parser.parse(null, null)).isInstanceOf(PkiInputException.class).hasMessageContaining("empty");
        byte[] huge = new byte[CertificateParser.MAX_INPUT_BYTES + 1];
        Arrays.fill(huge, (byte) 'A');
        assertRejected(huge, null, "larger than 1024 KiB");
    }

    @Test
    void rejectsBrokenPemBase64() {
        String broken = "-----BEGIN CERTIFICATE-----\nMIIB!!!!notbase64\n-----END CERTIFICATE-----\n";

        assertRejected(broken.getBytes(StandardCharsets.US_ASCII), null, "PEM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-leaf.pkcs8-encrypted.key", "rsa-leaf.pkcs1-encrypted.key"})
    void rejectsWrongAndMissingKeyPassword(String keyFile) {
        String certificate = Fixtures.text("rsa-leaf.pem");
        String key = Fixtures.text(keyFile);

        assertThatThrownBy(() -> parser.parsePem(certificate, key, "not-the-password".toCharArray()))
                .isInstanceOf(PkiInputException.class)
                .hasMessage("wrong password for the encrypted private key");
        assertThatThrownBy(() -> parser.parsePem(certificate, key, null))
                .isInstanceOf(PkiInputException.class)
                .hasMessage("the private key is encrypted: supply its password");
    }

    @Test
    void rejectsWrongAndMissingPkcs12Password() {
        assertRejected(Fixtures.bytes("ec-leaf.p12"), "not-the-password".toCharArray(), "wrong password for the PKCS#12 file");
        assertRejected(Fixtures.bytes("ec-leaf.p12"), null, "protected by a password");
    }

    @Test
    void rejectsAKeyThatBelongsToAnotherCertificate() {
        assertThatThrownBy(() -> parser.parsePem(Fixtures.text("rsa-leaf.pem"), Fixtures.text("other-rsa.pkcs8.key"), null))
                .isInstanceOf(PkiInputException.class)
                .hasMessageContaining("does not belong to the certificate CN=rsa.example.test");
        assertThatThrownBy(() -> parser.parsePem(Fixtures.text("rsa-leaf.pem"), Fixtures.text("ec-leaf.sec1.key"), null))
                .isInstanceOf(PkiInputException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void rejectsAChainInReverseOrderAndSaysSo() {
        assertRejected(Fixtures.bytes("rsa-chain-root-first.pem"), null, "reverse order (root first)");
    }

    @Test
    void rejectsAChainWithAMissingLink() {
        assertRejected(Fixtures.bytes("rsa-chain-missing-intermediate.pem"), null,
                "certificate 1 (CN=rsa.example.test,O=Fixture Org) was not issued by certificate 2 (CN=Fixture Root CA,O=Fixture Org)");
    }

    @Test
    void rejectsUnsupportedKeyType() {
        assertThatThrownBy(() -> parser.parsePem(Fixtures.text("ed25519-self-signed.pem"), Fixtures.text("ed25519.pkcs8.key"), null))
                .isInstanceOf(PkiInputException.class)
                .hasMessageContaining("unsupported key type")
                .hasMessageContaining("RSA and EC");
        assertThatThrownBy(() -> parser.parsePrivateKey(Fixtures.text("ed25519.pkcs8.key"), null))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("unsupported key type");
    }

    @Test
    void rejectsAKeyWithoutCertificateAndTwoKeys() {
        assertRejected(Fixtures.bytes("rsa-leaf.pkcs8.key"), null, "no certificate found in the PEM text (only a private key)");
        assertThatThrownBy(() -> parser.parsePem(Fixtures.text("rsa-leaf.pem"),
                Fixtures.text("rsa-leaf.pkcs8.key") + Fixtures.text("rsa-leaf.pkcs1.key"), null))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("more than one private key");
    }

    @Test
    void explainsCsrAndCrlGivenInsteadOfACertificate() {
        assertRejected(Fixtures.bytes("host.csr"), null, "certificate signing request");
        assertRejected(Fixtures.bytes("intermediate.crl.pem"), null, "revocation list");
    }

    @Test
    void neverPutsThePasswordOrKeyInMessagesOrToString() {
        String key = Fixtures.text("rsa-leaf.pkcs8-encrypted.key");
        String wrongPassword = "Secret-Wrong-Passw0rd";
        assertThatThrownBy(() -> parser.parsePem(Fixtures.text("rsa-leaf.pem"), key, wrongPassword.toCharArray()))
                .hasMessageNotContaining(wrongPassword);

        ParsedCertificates parsed = parser.parsePem(Fixtures.text("rsa-leaf.pem"), Fixtures.text("rsa-leaf.pkcs8.key"), null);
        String keyBody = Fixtures.text("rsa-leaf.pkcs8.key").split("\n")[1];
        assertThat(parsed.toString()).contains("privateKey=present").doesNotContain(keyBody);
    }

    private void assertRejected(byte[] input, char[] password, String message) {
        assertThatThrownBy(() -> parser.parse(input, password))
                .isInstanceOf(PkiInputException.class)
                .hasMessageContaining(message);
    }
}
