package dev.tlsconsole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Prepares the data directory before anything else starts. Runs on
 * {@link ApplicationEnvironmentPreparedEvent} (registered in {@code META-INF/spring.factories}), just
 * before {@code certificates.ConsoleCertificatePreparer}, which puts the console's own TLS certificate
 * into the directory prepared here (the root package depends on no feature, so the certificate — Bouncy
 * Castle's work — is prepared there).
 *
 * <ul>
 *   <li>makes {@code console.data-dir} absolute (H2 refuses implicitly relative paths);</li>
 *   <li>creates the key-encryption key file ({@code <data-dir>/keys/kek.b64}, 0600) used to encrypt
 *       private keys at rest, unless one exists.</li>
 * </ul>
 */
public class DataDirectoryPreparer implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Property holding the path of the key-encryption key file. */
    public static final String KEK_FILE_PROPERTY = "console.key-encryption-key-file";

    /** Just before the TLS certificate's preparer, which reads the absolute data directory. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    @Override
    public int getOrder() {
        // after Boot's config-data processing, which runs on the same event
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Path dataDir = Path.of(environment.getProperty("console.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("console.data-dir", dataDir.toString());
        try {
            createPrivateDirectory(dataDir);
            derived.put(KEK_FILE_PROPERTY, prepareKeyEncryptionKey(environment, dataDir).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("consoleDataDirectory", derived));
    }

    private static Path prepareKeyEncryptionKey(ConfigurableEnvironment environment, Path dataDir) throws IOException {
        String configured = environment.getProperty(KEK_FILE_PROPERTY);
        if (StringUtils.hasText(configured)) {
            return Path.of(configured).toAbsolutePath();
        }
        Path kekFile = dataDir.resolve("keys").resolve("kek.b64");
        if (!Files.isRegularFile(kekFile)) {
            createPrivateDirectory(kekFile.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writeAtomically(kekFile, Base64.getEncoder().encodeToString(key), true);
        }
        return kekFile;
    }

    /** Creates a directory readable only by the console's user (where the file system supports it). */
    public static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (supportsPosix(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Writes through a temporary file and an atomic move; secret files are created 0600. */
    public static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (supportsPosix(temp)) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
