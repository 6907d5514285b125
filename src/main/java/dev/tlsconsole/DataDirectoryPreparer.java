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
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import dev.tlsconsole.certificates.x509.SelfSignedCertificateGenerator;

/**
 * Prepares the data directory before anything else starts: the SSL bundle is registered (and its
 * files watched) while Tomcat is created, so the certificate must exist by then. Runs on
 * {@link ApplicationEnvironmentPreparedEvent} (registered in {@code META-INF/spring.factories}).
 *
 * <ul>
 *   <li>makes {@code console.data-dir} absolute (H2 refuses implicitly relative paths);</li>
 *   <li>generates a self-signed EC P-256 certificate under {@code <data-dir>/tls/} unless the operator
 *       configured {@code console.tls.certificate} and {@code console.tls.private-key};</li>
 *   <li>creates the key-encryption key file ({@code <data-dir>/keys/kek.b64}, 0600) used to encrypt
 *       private keys at rest, unless one exists.</li>
 * </ul>
 */
public class DataDirectoryPreparer implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Property holding the path of the key-encryption key file. */
    public static final String KEK_FILE_PROPERTY = "console.key-encryption-key-file";

    @Override
    public int getOrder() {
        // after Boot's config-data processing, which runs on the same event
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Path dataDir = Path.of(environment.getProperty("console.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("console.data-dir", dataDir.toString());
        try {
            createPrivateDirectory(dataDir);
            prepareTls(environment, dataDir, derived);
            derived.put(KEK_FILE_PROPERTY, prepareKeyEncryptionKey(environment, dataDir).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("consoleDataDirectory", derived));
    }

    private static void prepareTls(ConfigurableEnvironment environment, Path dataDir, Map<String, Object> derived)
            throws IOException {
        String certificate = environment.getProperty("console.tls.certificate");
        String privateKey = environment.getProperty("console.tls.private-key");
        if (StringUtils.hasText(certificate) || StringUtils.hasText(privateKey)) {
            requireReadable("console.tls.certificate", certificate);
            requireReadable("console.tls.private-key", privateKey);
            derived.put("console.tls.certificate", Path.of(certificate).toAbsolutePath().toString());
            derived.put("console.tls.private-key", Path.of(privateKey).toAbsolutePath().toString());
            return;
        }
        Path tlsDir = dataDir.resolve("tls");
        Path certificateFile = tlsDir.resolve("console.crt");
        Path keyFile = tlsDir.resolve("console.key");
        if (!Files.isRegularFile(certificateFile) || !Files.isRegularFile(keyFile)) {
            createPrivateDirectory(tlsDir);
            SelfSignedCertificateGenerator.PemPair pair = SelfSignedCertificateGenerator.generate(Instant.now());
            // key first, then certificate: the reload watcher must never see a new certificate with an old key
            writeAtomically(keyFile, pair.privateKeyPem(), true);
            writeAtomically(certificateFile, pair.certificatePem(), false);
        }
        derived.put("console.tls.certificate", certificateFile.toString());
        derived.put("console.tls.private-key", keyFile.toString());
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

    private static void requireReadable(String property, String value) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalStateException(
                    "Configure both console.tls.certificate and console.tls.private-key, or neither: " + property + " is empty");
        }
        if (!Files.isReadable(Path.of(value))) {
            throw new IllegalStateException(property + " points at " + value + ", which is not a readable file");
        }
    }

    /** Creates a directory readable only by the console's user (where the file system supports it). */
    static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (supportsPosix(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Writes through a temporary file and an atomic move; secret files are created 0600. */
    static void writeAtomically(Path target, String content, boolean secret) throws IOException {
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
