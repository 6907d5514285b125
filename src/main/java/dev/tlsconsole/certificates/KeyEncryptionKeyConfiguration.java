package dev.tlsconsole.certificates;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.tlsconsole.DataDirectoryPreparer;
import dev.tlsconsole.KeyEncryptionKeys;

/**
 * The key-encryption key (KEK) that seals every private key the console stores. It comes from
 * configuration ({@value #KEK_PROPERTY}, base64 of 32 bytes — for deployments that inject secrets
 * through the environment) or, when that is not set, from the 0600 key file prepared at start-up
 * ({@value DataDirectoryPreparer#KEK_FILE_PROPERTY}). The KEK never enters the database, so a copy of
 * the database alone does not reveal any private key.
 */
@Configuration(proxyBeanMethods = false)
class KeyEncryptionKeyConfiguration {

    /** Property holding the KEK itself, base64; wins over the key file. */
    static final String KEK_PROPERTY = KeyEncryptionKeys.KEK_PROPERTY;

    @Bean
    PrivateKeyCipher privateKeyCipher(Environment environment) {
        byte[] kek = keyEncryptionKey(environment);
        try {
            return new PrivateKeyCipher(kek);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    static byte[] keyEncryptionKey(Environment environment) {
        return KeyEncryptionKeys.read(environment);
    }
}
