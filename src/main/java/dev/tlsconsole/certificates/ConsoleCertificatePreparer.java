package dev.tlsconsole.certificates;

import static dev.tlsconsole.DataDirectoryPreparer.createPrivateDirectory;
import static dev.tlsconsole.DataDirectoryPreparer.writeAtomically;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import dev.tlsconsole.DataDirectoryPreparer;
import dev.tlsconsole.certificates.x509.SelfSignedCertificateGenerator;

/**
 * Puts the console's own TLS certificate in place before anything else starts: the SSL bundle is
 * registered (and its files watched) while Tomcat is created, so the certificate must exist by then.
 * Runs on {@link ApplicationEnvironmentPreparedEvent} right after {@link DataDirectoryPreparer} (both
 * registered in {@code META-INF/spring.factories}) and generates a self-signed EC P-256 certificate under
 * {@code <data-dir>/tls/} unless the operator configured {@code console.tls.certificate} and
 * {@code console.tls.private-key}.
 */
public class ConsoleCertificatePreparer implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public int getOrder() {
        return DataDirectoryPreparer.ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        // absolute: DataDirectoryPreparer has run
        Path dataDir = Path.of(environment.getProperty("console.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> derived = new LinkedHashMap<>();
        try {
            prepareTls(environment, dataDir, derived);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("consoleTlsCertificate", derived));
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

    private static void requireReadable(String property, String value) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalStateException(
                    "Configure both console.tls.certificate and console.tls.private-key, or neither: " + property + " is empty");
        }
        if (!Files.isReadable(Path.of(value))) {
            throw new IllegalStateException(property + " points at " + value + ", which is not a readable file");
        }
    }
}
