package dev.tlsconsole.certificates;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Component;

/** {@link SecretSealing} with the {@link PrivateKeyCipher} of the console's key-encryption key. */
@Component
class KekSecretSealing implements SecretSealing {

    private final PrivateKeyCipher cipher;

    KekSecretSealing(PrivateKeyCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String seal(String secret, String context) {
        return Base64.getEncoder().encodeToString(cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8),
                context.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String open(String sealed, String context) {
        return new String(cipher.decrypt(Base64.getDecoder().decode(sealed), context.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}
