package dev.tlsconsole.certificates.x509;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** A small EC hierarchy made with the CA operations at a fixed instant, shared by several test classes. */
final class TestPki {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final String CRL_URL = "http://console.example.test/api/v1/authorities/1/crl";

    final CertificateAuthorityOperations operations = new CertificateAuthorityOperations(new SecureRandom());
    final IssuedCertificate root;
    final IssuedCertificate intermediate;
    final IssuingCa rootCa;
    final IssuingCa intermediateCa;

    TestPki() {
        root = operations.createRootCa(new CaSpec("CN=Test Root CA,O=Console Tests", KeyAlgorithm.EC_P256, 3650), NOW);
        rootCa = new IssuingCa(root.certificate(), root.privateKey(), CRL_URL);
        intermediate = operations.createIntermediateCa(
                new CaSpec("CN=Test Issuing CA,O=Console Tests", KeyAlgorithm.EC_P256, 1825), rootCa, NOW);
        intermediateCa = new IssuingCa(intermediate.certificate(), intermediate.privateKey(), CRL_URL);
    }

    IssuedCertificate server(String host, String ip) {
        return operations.issue(EndEntitySpec.forHost(host, ip, CertificateUsage.SERVER, KeyAlgorithm.EC_P256, 365),
                intermediateCa, NOW);
    }

    IssuedCertificate server(String subject, List<String> sans, CertificateUsage usage, Instant at, int days) {
        return operations.issue(new EndEntitySpec(subject, sans, usage, KeyAlgorithm.EC_P256, days), intermediateCa, at);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] derOfPem(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
