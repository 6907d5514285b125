package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import dev.tlsconsole.certificates.PrivateKeyCipher;

class PrivateKeysTests {

    @Test
    void aKeySealedAtRestComesBackAsAUsableKey() {
        ParsedCertificates parsed = new CertificateParser().parsePem(Fixtures.text("rsa-leaf.pem"), Fixtures.text("rsa-leaf.pkcs1.key"), null);
        byte[] kek = new byte[PrivateKeyCipher.KEK_BYTES];
        new SecureRandom().nextBytes(kek);
        PrivateKeyCipher cipher = new PrivateKeyCipher(kek);
        byte[] fingerprint = CertificateIds.sha256Fingerprint(parsed.leaf()).getBytes(StandardCharsets.US_ASCII);

        byte[] sealed = cipher.encrypt(parsed.privateKey().orElseThrow().getEncoded(), fingerprint);
        PrivateKey restored = PrivateKeys.fromPkcs8(cipher.decrypt(sealed, fingerprint));

        assertThat(restored.getAlgorithm()).isEqualTo("RSA");
        assertThat(PrivateKeys.matches(restored, parsed.leaf().getPublicKey())).isTrue();
        PrivateKey ec = new CertificateParser().parsePrivateKey(Fixtures.text("ec-leaf.sec1.key"), null);
        assertThat(PrivateKeys.fromPkcs8(ec.getEncoded())).isEqualTo(ec);
    }

    @Test
    void bytesThatAreNotPkcs8AreRefused() {
        assertThatThrownBy(() -> PrivateKeys.fromPkcs8(new byte[] {1, 2, 3}))
                .isInstanceOf(PkiInputException.class).hasMessageContaining("not a valid PKCS#8 key");
    }
}
