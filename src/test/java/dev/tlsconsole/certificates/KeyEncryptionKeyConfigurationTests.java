package dev.tlsconsole.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import dev.tlsconsole.DataDirectoryPreparer;

/** Where the key-encryption key comes from, and what a misconfigured one says (never the key). */
class KeyEncryptionKeyConfigurationTests {

    @TempDir
    Path dir;

    @Test
    void aConfiguredKeyWinsOverTheKeyFile() throws Exception {
        byte[] configured = new byte[32];
        configured[0] = 7;
        Path file = Files.writeString(dir.resolve("kek.b64"), Base64.getEncoder().encodeToString(new byte[32]));
        MockEnvironment environment = new MockEnvironment()
                .withProperty(KeyEncryptionKeyConfiguration.KEK_PROPERTY, Base64.getEncoder().encodeToString(configured))
                .withProperty(DataDirectoryPreparer.KEK_FILE_PROPERTY, file.toString());
        assertThat(KeyEncryptionKeyConfiguration.keyEncryptionKey(environment)).isEqualTo(configured);
    }

    @Test
    void withoutAConfiguredKeyTheFileIsRead() throws Exception {
        byte[] key = new byte[32];
        key[31] = 9;
        Path file = Files.writeString(dir.resolve("kek.b64"), Base64.getEncoder().encodeToString(key) + "\n");
        MockEnvironment environment = new MockEnvironment().withProperty(DataDirectoryPreparer.KEK_FILE_PROPERTY, file.toString());
        assertThat(KeyEncryptionKeyConfiguration.keyEncryptionKey(environment)).isEqualTo(key);
    }

    @Test
    void aWrongKeyIsRefusedWithoutEchoingIt() {
        String tooShort = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
        MockEnvironment environment = new MockEnvironment().withProperty(KeyEncryptionKeyConfiguration.KEK_PROPERTY, tooShort);
        assertThatThrownBy(() -> KeyEncryptionKeyConfiguration.keyEncryptionKey(environment))
                .hasMessageContaining("must be 32 bytes").hasMessageNotContaining(tooShort);
        MockEnvironment notBase64 = new MockEnvironment().withProperty(KeyEncryptionKeyConfiguration.KEK_PROPERTY, "not base64 at all!");
        assertThatThrownBy(() -> KeyEncryptionKeyConfiguration.keyEncryptionKey(notBase64))
                .hasMessageContaining("not valid base64").hasMessageNotContaining("not base64 at all!");
        MockEnvironment missingFile = new MockEnvironment().withProperty(DataDirectoryPreparer.KEK_FILE_PROPERTY,
                dir.resolve("missing.b64").toString());
        assertThatThrownBy(() -> KeyEncryptionKeyConfiguration.keyEncryptionKey(missingFile)).hasMessageContaining("Cannot read");
    }
}
