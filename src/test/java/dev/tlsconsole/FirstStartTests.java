package dev.tlsconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tlsconsole.certificates.x509.SelfSignedCertificateGenerator;
import dev.tlsconsole.support.ConsoleHttps;

/**
 * What an operator meets on the first start of a fresh installation (and the second): the data
 * directory, the generated TLS material, the key-encryption key and the admin password — each run
 * is a real start of the console on the embedded H2 file database.
 */
class FirstStartTests {

    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    @Test
    void aFreshDataDirectoryGetsItsCertificateKeysAndAGeneratedAdminPassword() throws Exception {
        Path dataDir = freshDataDirectory();
        String password;
        X509Certificate firstCertificate;
        try (ConfigurableApplicationContext console = start(dataDir)) {
            Path passwordFile = dataDir.resolve("initial-admin-password.txt");
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(OWNER_READ_WRITE);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("tls/console.key"))).isEqualTo(OWNER_READ_WRITE);
            Path kek = dataDir.resolve("keys/kek.b64");
            assertThat(Files.getPosixFilePermissions(kek)).isEqualTo(OWNER_READ_WRITE);
            assertThat(Base64.getDecoder().decode(Files.readString(kek).strip())).hasSize(32);

            password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(12);
            assertThat(signedInAs(console, dataDir, "admin", password).statusCode()).isEqualTo(200);
            firstCertificate = certificate(dataDir);
            assertThat(firstCertificate.getSubjectAlternativeNames()).extracting(n -> n.get(1).toString())
                    .contains("localhost", "127.0.0.1");
        }

        try (ConfigurableApplicationContext again = start(dataDir)) {
            assertThat(certificate(dataDir).getSerialNumber()).as("the certificate is kept").isEqualTo(firstCertificate.getSerialNumber());
            assertThat(Files.readString(dataDir.resolve("initial-admin-password.txt")).strip()).isEqualTo(password);
            assertThat(signedInAs(again, dataDir, "admin", password).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theDemoProfileFillsAnEmptyConsoleWithALivingSample() throws Exception {
        Path dataDir = freshDataDirectory();
        try (ConfigurableApplicationContext console = start(dataDir, "--spring.profiles.active=demo",
                "--console.admin-password=demo-first-start-password")) {
            ConsoleHttps https = new ConsoleHttps(port(console), dataDir.resolve("tls/console.crt").toString());
            String auth = basic("admin", "demo-first-start-password");
            String policies = https.get("/api/v1/effective-policies?size=100", "Authorization", auth).body();
            assertThat(policies).contains("\"totalElements\":40").contains("\"grade\":\"F\"").contains("\"grade\":\"A\"");
            String certificates = https.get("/api/v1/certificates?size=100", "Authorization", auth).body();
            assertThat(certificates).contains("\"status\":\"REVOKED\"").contains("\"name\":\"cfg-prim-01\"");
            String revoked = https.get("/api/v1/effective-policies?code=CERT_REVOKED", "Authorization", auth).body();
            assertThat(revoked).contains("\"server\":\"ors-02\"");
            String expiring = https.get("/api/v1/effective-policies?code=CERT_EXPIRING", "Authorization", auth).body();
            assertThat(expiring).doesNotContain("\"totalElements\":0");
        }
        try (ConfigurableApplicationContext again = start(dataDir, "--spring.profiles.active=demo")) {
            String hosts = new ConsoleHttps(port(again), dataDir.resolve("tls/console.crt").toString())
                    .get("/api/v1/hosts?size=1", "Authorization", basic("admin", "demo-first-start-password")).body();
            assertThat(hosts).as("a second start leaves the topology alone").contains("\"totalElements\":14");
        }
    }

    @Test
    void anOperatorsOwnCertificateIsServedInsteadOfAGeneratedOne() throws Exception {
        Path dataDir = freshDataDirectory();
        Path own = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-own"));
        SelfSignedCertificateGenerator.PemPair pair = SelfSignedCertificateGenerator.generate(Instant.now());
        Path certificate = Files.writeString(own.resolve("server.pem"), pair.certificatePem());
        Path key = Files.writeString(own.resolve("server.key"), pair.privateKeyPem());

        try (ConfigurableApplicationContext console = start(dataDir,
                "--console.tls.certificate=" + certificate, "--console.tls.private-key=" + key,
                "--console.admin-password=an-operator-chosen-password")) {
            assertThat(Files.exists(dataDir.resolve("tls/console.crt"))).as("nothing is generated").isFalse();
            HttpResponse<String> me = new ConsoleHttps(port(console), certificate.toString()).get("/api/v1/users/me",
                    "Authorization", basic("admin", "an-operator-chosen-password"));
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(Files.exists(dataDir.resolve("initial-admin-password.txt"))).isFalse();
        }
    }

    @Test
    void theOptionalHttpPortOnlyRedirectsToHttps() throws Exception {
        int httpPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            httpPort = free.getLocalPort();
        }
        try (ConfigurableApplicationContext console = start(freshDataDirectory(), "--console.http-redirect-port=" + httpPort)) {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + httpPort + "/login?x=1")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(301);
            assertThat(answer.headers().firstValue("location"))
                    .hasValue("https://localhost:" + port(console) + "/login?x=1");
            assertThat(answer.body()).doesNotContain("<html");
        }
    }

    @Test
    void aConfiguredCertificateThatDoesNotExistStopsTheStartWithAClearMessage() {
        Path dataDir = freshDataDirectory();
        assertThatThrownBy(() -> start(dataDir, "--console.tls.certificate=/nonexistent/server.pem",
                "--console.tls.private-key=/nonexistent/server.key"))
                .hasStackTraceContaining("console.tls.certificate points at /nonexistent/server.pem");
    }

    @Test
    void aConfiguredAdminPasswordThatBreaksThePolicyStopsTheStart() {
        Path dataDir = freshDataDirectory();
        assertThatThrownBy(() -> start(dataDir, "--console.admin-password=short"))
                .hasStackTraceContaining("at least 12 characters");
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--console.data-dir=" + dataDir;
        args[1] = "--server.port=0";
        args[2] = "--logging.level.root=warn";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return new SpringApplicationBuilder(ConsoleApplication.class).run(args);
    }

    private static HttpResponse<String> signedInAs(ConfigurableApplicationContext console, Path dataDir, String user,
            String password) {
        return new ConsoleHttps(port(console), dataDir.resolve("tls/console.crt").toString())
                .get("/api/v1/users/me", "Authorization", basic(user, password));
    }

    private static int port(ConfigurableApplicationContext console) {
        return ((WebServerApplicationContext) console).getWebServer().getPort();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static X509Certificate certificate(Path dataDir) throws Exception {
        byte[] pem = Files.readAllBytes(dataDir.resolve("tls/console.crt"));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }

    private static Path freshDataDirectory() {
        return Path.of("target", "test-data", "first-start-" + System.nanoTime()).toAbsolutePath();
    }
}
