package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTests {

    private static final String PASSWORD = "Chosen-by-the-user 1";
    private static TestPki pki;
    private static IssuedCertificate leaf;
    private static List<X509Certificate> chain;
    private final CertificateParser parser = new CertificateParser();

    @BeforeAll
    static void issue() {
        pki = new TestPki();
        leaf = pki.server("export-host.example.test", "192.0.2.30");
        chain = List.of(leaf.certificate(), pki.intermediate.certificate(), pki.root.certificate());
    }

    @Test
    void pemChainAndPlainKeyReadBackAsTheSameChainAndKey() {
        String pem = PemExporter.certificates(chain) + PemExporter.privateKey(leaf.privateKey());

        ParsedCertificates parsed = parser.parse(pem.getBytes(StandardCharsets.US_ASCII), null);

        assertThat(pem).contains("-----BEGIN CERTIFICATE-----").contains("-----BEGIN PRIVATE KEY-----");
        assertThat(parsed.chain()).isEqualTo(chain);
        assertThat(parsed.privateKey()).get().isEqualTo(leaf.privateKey());
    }

    @Test
    void encryptedKeyNeedsThePasswordHereAndInOpenssl(@TempDir Path directory) {
        OpenSsl.requireAvailable();
        String encrypted = PemExporter.encryptedPrivateKey(leaf.privateKey(), PASSWORD.toCharArray());
        Path file = OpenSsl.write(directory, "key.pem", encrypted.getBytes(StandardCharsets.US_ASCII));

        assertThat(encrypted).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain(PASSWORD);
        assertThat(parser.parsePrivateKey(encrypted, PASSWORD.toCharArray())).isEqualTo(leaf.privateKey());
        assertThatThrownBy(() -> parser.parsePrivateKey(encrypted, "wrong".toCharArray()))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("wrong password");
        String opensslPublic = OpenSsl.ok(null, "pkey", "-in", file.toString(), "-passin", "pass:" + PASSWORD, "-pubout");
        assertThat(opensslPublic).contains("-----BEGIN PUBLIC KEY-----");
        assertThat(OpenSsl.run(null, "pkey", "-in", file.toString(), "-passin", "pass:wrong").exitCode()).isNotZero();
    }

    @Test
    void pkcs12IsReadableByOpensslWithTheChosenPasswordOnly(@TempDir Path directory) {
        OpenSsl.requireAvailable();
        byte[] p12 = Pkcs12Exporter.export(leaf.privateKey(), chain, PASSWORD.toCharArray(), "export-host");
        Path file = OpenSsl.write(directory, "bundle.p12", p12);

        String info = OpenSsl.ok(null, "pkcs12", "-in", file.toString(), "-info", "-nokeys", "-passin", "pass:" + PASSWORD);
        assertThat(info).contains("AES-256-CBC").contains("subject=CN = export-host.example.test")
                .contains("subject=O = Console Tests, CN = Test Issuing CA").contains("friendlyName: export-host");
        String keys = OpenSsl.ok(null, "pkcs12", "-in", file.toString(), "-nocerts", "-nodes", "-passin", "pass:" + PASSWORD);
        assertThat(keys).contains("-----BEGIN PRIVATE KEY-----");
        OpenSsl.Result wrong = OpenSsl.run(null, "pkcs12", "-in", file.toString(), "-nokeys", "-passin", "pass:wrong");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.output()).containsIgnoringCase("mac verify");
    }

    @Test
    void legacyPkcs12UsesTripleDesAndStillReadsBack(@TempDir Path directory) {
        OpenSsl.requireAvailable();
        byte[] p12 = Pkcs12Exporter.export(leaf.privateKey(), chain, PASSWORD.toCharArray(), "legacy",
                Pkcs12Exporter.Protection.LEGACY_3DES);
        Path file = OpenSsl.write(directory, "legacy.p12", p12);

        String info = OpenSsl.ok(null, "pkcs12", "-in", file.toString(), "-info", "-nokeys", "-passin", "pass:" + PASSWORD);
        assertThat(info).contains("pbeWithSHA1And3-KeyTripleDES-CBC").doesNotContain("AES-256");
        ParsedCertificates parsed = parser.parse(p12, PASSWORD.toCharArray());
        assertThat(parsed.chain()).isEqualTo(chain);
        assertThat(parsed.privateKey()).get().isEqualTo(leaf.privateKey());
    }

    @Test
    void pkcs12ReadsBackThroughTheImportWithTheJdk() {
        byte[] p12 = Pkcs12Exporter.export(leaf.privateKey(), chain, PASSWORD.toCharArray(), "export-host");

        ParsedCertificates parsed = parser.parse(p12, PASSWORD.toCharArray());

        assertThat(parsed.chain()).isEqualTo(chain);
        assertThat(parsed.privateKey()).get().isEqualTo(leaf.privateKey());
    }

    @Test
    void refusesEmptyPasswordsAndForeignKeys() {
        IssuedCertificate other = pki.server("other.example.test", null);

        assertThatThrownBy(() -> Pkcs12Exporter.export(leaf.privateKey(), chain, new char[0], "x"))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("needs a password");
        assertThatThrownBy(() -> PemExporter.encryptedPrivateKey(leaf.privateKey(), null))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("needs a password");
        assertThatThrownBy(() -> Pkcs12Exporter.export(other.privateKey(), chain, PASSWORD.toCharArray(), "x"))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> Pkcs12Exporter.export(leaf.privateKey(), List.of(leaf.certificate(), pki.root.certificate()),
                PASSWORD.toCharArray(), "x"))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("not a chain");
    }
}
