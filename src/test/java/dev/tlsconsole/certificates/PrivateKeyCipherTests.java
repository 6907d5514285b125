package dev.tlsconsole.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrivateKeyCipherTests {

    private static final byte[] FINGERPRINT = "3F2A…fingerprint-of-row-1".getBytes(StandardCharsets.UTF_8);
    private static byte[] pkcs8;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
    }

    @Test
    void roundTripGivesBackThePkcs8Bytes() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(kek(1));

        byte[] sealed = cipher.encrypt(pkcs8, FINGERPRINT);

        assertThat(cipher.decrypt(sealed, FINGERPRINT)).isEqualTo(pkcs8);
        assertThat(PrivateKeyCipher.formatVersionOf(sealed)).isEqualTo(PrivateKeyCipher.FORMAT_V1);
        assertThat(PrivateKeyCipher.keyIdOf(sealed)).isEqualTo(cipher.keyId());
    }

    @Test
    void ciphertextDoesNotContainThePlaintextAndUsesAFreshIvEachTime() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(kek(1));

        byte[] first = cipher.encrypt(pkcs8, FINGERPRINT);
        byte[] second = cipher.encrypt(pkcs8, FINGERPRINT);

        assertThat(indexOf(first, pkcs8)).isEqualTo(-1);
        // any 8-byte window of the key (e.g. the private scalar) must not appear either
        for (int i = 0; i + 8 <= pkcs8.length; i += 8) {
            assertThat(indexOf(first, Arrays.copyOfRange(pkcs8, i, i + 8))).isEqualTo(-1);
        }
        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(first, 5, 17)).isNotEqualTo(Arrays.copyOfRange(second, 5, 17));
    }

    @Test
    void everyFlippedBitIsDetected() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(kek(1));
        byte[] sealed = cipher.encrypt(pkcs8, FINGERPRINT);

        for (int i = 5; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(tampered, FINGERPRINT))
                    .isInstanceOf(KeyDecryptionException.class)
                    .hasMessageContaining("altered");
        }
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(kek(1));
        byte[] sealed = cipher.encrypt(pkcs8, FINGERPRINT);

        assertThatThrownBy(() -> cipher.decrypt(sealed, "another-fingerprint".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("another record");
        assertThatThrownBy(() -> cipher.decrypt(sealed, null)).isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void wrongKeyEncryptionKeyIsReportedAsSuchWithoutLeakingEitherKey() {
        byte[] rightKek = kek(1);
        byte[] wrongKek = kek(2);
        byte[] sealed = new PrivateKeyCipher(rightKek).encrypt(pkcs8, FINGERPRINT);
        PrivateKeyCipher wrong = new PrivateKeyCipher(wrongKek);

        assertThatThrownBy(() -> wrong.decrypt(sealed, FINGERPRINT))
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("another key-encryption key")
                .hasMessageNotContaining(hex(rightKek))
                .hasMessageNotContaining(hex(wrongKek));
        assertThat(wrong.toString()).doesNotContain(hex(wrongKek)).contains(wrong.keyId());
    }

    @Test
    void unknownFormatAndTruncatedInputAreRejectedClearly() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(kek(1));
        byte[] sealed = cipher.encrypt(pkcs8, FINGERPRINT);
        byte[] futureFormat = sealed.clone();
        futureFormat[0] = 2;

        assertThatThrownBy(() -> cipher.decrypt(futureFormat, FINGERPRINT))
                .isInstanceOf(KeyDecryptionException.class).hasMessageContaining("format version 1");
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, 20), FINGERPRINT))
                .isInstanceOf(KeyDecryptionException.class);
        assertThatThrownBy(() -> PrivateKeyCipher.formatVersionOf(new byte[0]))
                .isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PrivateKeyCipher(new byte[16]))
                .withMessageContaining("32 bytes");
    }

    private static byte[] kek(int seed) {
        byte[] kek = new byte[PrivateKeyCipher.KEK_BYTES];
        for (int i = 0; i < kek.length; i++) {
            kek[i] = (byte) (seed * 31 + i * 7);
        }
        return kek;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
