package dev.tlsconsole.certificates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.tlsconsole.DataDirectoryPreparer;

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
    static final String KEK_PROPERTY = "console.key-encryption-key";

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
        String configured = environment.getProperty(KEK_PROPERTY);
        if (StringUtils.hasText(configured)) {
            return decode(configured, KEK_PROPERTY);
        }
        String file = environment.getProperty(DataDirectoryPreparer.KEK_FILE_PROPERTY);
        if (!StringUtils.hasText(file)) {
            throw new IllegalStateException("No key-encryption key: set " + KEK_PROPERTY + " or "
                    + DataDirectoryPreparer.KEK_FILE_PROPERTY);
        }
        try {
            return decode(Files.readString(Path.of(file), StandardCharsets.US_ASCII), DataDirectoryPreparer.KEK_FILE_PROPERTY
                    + " (" + file + ")");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key-encryption key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes base64 text into exactly 32 bytes; the messages never echo the value. */
    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key-encryption key in " + source + " is not valid base64");
        }
        if (key.length != PrivateKeyCipher.KEK_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException("The key-encryption key in " + source + " must be " + PrivateKeyCipher.KEK_BYTES
                    + " bytes (base64 of 32 random bytes, e.g. 'openssl rand -base64 32'), not " + length);
        }
        return key;
    }
}
