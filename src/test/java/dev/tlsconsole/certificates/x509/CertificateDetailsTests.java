package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CertificateDetailsTests {

    private final CertificateParser parser = new CertificateParser();

    @Test
    void rsaServerCertificateDetailsAgreeWithOpenssl() {
        OpenSsl.requireAvailable();
        byte[] pem = Fixtures.bytes("rsa-leaf.pem");
        CertificateDetails details = CertificateDetails.of(parser.parse(pem, null).leaf());

        assertThat(details.subject()).isEqualTo("CN=rsa.example.test,O=Fixture Org");
        assertThat(details.issuer()).isEqualTo("CN=Fixture Intermediate CA,O=Fixture Org");
        assertThat(details.subjectAlternativeNames()).containsExactly("DNS:rsa.example.test", "IP:192.0.2.10");
        assertThat(details.keyAlgorithm()).isEqualTo("RSA");
        assertThat(details.keySize()).isEqualTo(2048);
        assertThat(details.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(details.keyUsage()).containsExactly("digitalSignature", "keyEncipherment");
        assertThat(details.extendedKeyUsage()).containsExactly("serverAuth", "clientAuth");
        assertThat(details.ca()).isFalse();
        assertThat(details.pathLength()).isNull();
        assertThat(details.selfSigned()).isFalse();
        assertThat(details.crlDistributionPoints()).containsExactly("http://crl.example.test/intermediate.crl");
        assertThat(details.der()).isEqualTo(Fixtures.bytes("rsa-leaf.der"));

        assertThat(details.sha1Thumbprint()).hasSize(40).isEqualTo(opensslValue(pem, "-fingerprint", "-sha1"));
        assertThat(details.sha256Fingerprint()).hasSize(64).isEqualTo(opensslValue(pem, "-fingerprint", "-sha256"));
        assertThat(details.serialNumber()).isEqualTo(opensslValue(pem, "-serial"));
        assertThat(details.subjectKeyIdentifier()).isEqualTo(opensslExtension(pem, "subjectKeyIdentifier"));
        assertThat(details.authorityKeyIdentifier())
                .isEqualTo(opensslExtension(Fixtures.bytes("intermediate-ca.pem"), "subjectKeyIdentifier"));
    }

    @Test
    void ecCertificateShowsFieldSizeAndEverySanType() {
        CertificateDetails details = CertificateDetails.of(parser.parse(Fixtures.bytes("ec-leaf.pem"), null).leaf());

        assertThat(details.keyAlgorithm()).isEqualTo("EC");
        assertThat(details.keySize()).isEqualTo(256);
        assertThat(details.subjectAlternativeNames()).containsExactly(
                "DNS:ec.example.test", "IP:192.0.2.11", "URI:spiffe://example.test/ec", "email:ops@example.test");
        assertThat(details.extendedKeyUsage()).containsExactly("serverAuth");
        assertThat(details.crlDistributionPoints()).isEmpty();
    }

    @Test
    void caCertificatesShowFlagAndPathLength() {
        CertificateDetails root = CertificateDetails.of(parser.parse(Fixtures.bytes("root-ca.pem"), null).leaf());
        CertificateDetails intermediate = CertificateDetails.of(parser.parse(Fixtures.bytes("intermediate-ca.pem"), null).leaf());

        assertThat(root.ca()).isTrue();
        assertThat(root.pathLength()).isNull();
        assertThat(root.selfSigned()).isTrue();
        assertThat(root.keyUsage()).containsExactly("keyCertSign", "cRLSign");
        assertThat(root.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(intermediate.ca()).isTrue();
        assertThat(intermediate.pathLength()).isZero();
        assertThat(intermediate.selfSigned()).isFalse();
    }

    @Test
    void statusFollowsTheValidityPeriod() {
        CertificateDetails details = CertificateDetails.of(parser.parse(Fixtures.bytes("ec-leaf.pem"), null).leaf());

        assertThat(details.statusAt(details.notBefore().minusSeconds(1))).isEqualTo(CertificateDetails.ValidityStatus.NOT_YET_VALID);
        assertThat(details.statusAt(details.notBefore())).isEqualTo(CertificateDetails.ValidityStatus.VALID);
        assertThat(details.statusAt(details.notAfter())).isEqualTo(CertificateDetails.ValidityStatus.VALID);
        assertThat(details.statusAt(details.notAfter().plusSeconds(1))).isEqualTo(CertificateDetails.ValidityStatus.EXPIRED);
        assertThat(details.notBefore()).isBefore(Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Test
    void serialHexIsEvenLengthUpperCaseAndParsesBack() {
        assertThat(CertificateIds.serialHex(BigInteger.valueOf(0xABC))).isEqualTo("0ABC");
        assertThat(CertificateIds.parseSerialHex("0a:bc")).isEqualTo(BigInteger.valueOf(0xABC));
    }

    /** {@code openssl x509 -noout <option>} prints {@code label=VALUE}; fingerprints come with colons. */
    private static String opensslValue(byte[] pem, String... option) {
        String[] args = new String[option.length + 2];
        args[0] = "x509";
        args[1] = "-noout";
        System.arraycopy(option, 0, args, 2, option.length);
        String line = OpenSsl.ok(pem, args).trim();
        return line.substring(line.indexOf('=') + 1).replace(":", "");
    }

    private static String opensslExtension(byte[] pem, String extension) {
        String output = OpenSsl.ok(pem, "x509", "-noout", "-ext", extension);
        return output.lines().skip(1).findFirst().orElseThrow().trim().replace(":", "");
    }
}
