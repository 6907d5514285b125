package dev.tlsconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tlsconsole.certificates.x509.SelfSignedCertificateGenerator;
import dev.tlsconsole.support.ConsoleHttps;
import dev.tlsconsole.support.ConsoleTest;

import static org.awaitility.Awaitility.await;

/** The console's HTTPS endpoint, checked with real TLS handshakes against the running server. */
@ConsoleTest
class HttpsTests {

    @LocalServerPort
    int port;

    @Value("${console.tls.certificate}")
    String certificateFile;

    @Value("${console.tls.private-key}")
    String privateKeyFile;

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1", "TLSv1.1"})
    void obsoleteProtocolsAreRefused(String protocol) {
        assertThatThrownBy(() -> handshake(new String[] {protocol}, null)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void modernProtocolsSucceedWithAnAeadSuite(String protocol) throws IOException {
        String suite = handshake(new String[] {protocol}, null);
        assertThat(suite).matches(".*(_GCM_|_CHACHA20_POLY1305_).*");
    }

    @Test
    void cbcSuitesAreNotOffered() {
        String[] cbc = {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"};
        assertThatThrownBy(() -> handshake(new String[] {"TLSv1.2"}, cbc)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theServedCertificateIsTheGeneratedEcP256OneForThisMachine() throws Exception {
        X509Certificate served = servedCertificate();
        assertThat(served.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(served.getSubjectAlternativeNames()).extracting(name -> name.get(1).toString())
                .contains("localhost", "127.0.0.1");
    }

    @Test
    void plainHttpOnTheHttpsPortNeverServesAPage() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /login HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readSome(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(answer).doesNotContain("<html").doesNotContain("login-page");
        }
    }

    @Test
    void pagesCarryHstsCspAndSecureSessionCookies() {
        ConsoleHttps https = new ConsoleHttps(port, certificateFile);
        HttpResponse<String> login = https.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(login.headers().firstValue("strict-transport-security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(login.headers().firstValue("content-security-policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'")
                        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        List<String> cookies = login.headers().allValues("set-cookie");
        assertThat(cookies).filteredOn(c -> c.startsWith("TLSCONSOLE_SESSION")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));
    }

    @Test
    void replacedCertificateFilesAreServedWithoutARestart() throws Exception {
        X509Certificate before = servedCertificate();
        SelfSignedCertificateGenerator.PemPair fresh = SelfSignedCertificateGenerator.generate(Instant.now());
        // key first, then certificate, each atomically: the watcher never sees a mismatched pair
        replace(Path.of(privateKeyFile), fresh.privateKeyPem());
        replace(Path.of(certificateFile), fresh.certificatePem());
        X509Certificate expected = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(fresh.certificatePem().getBytes(StandardCharsets.US_ASCII)));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> servedCertificate().getSerialNumber().equals(expected.getSerialNumber()));
        assertThat(servedCertificate().getSerialNumber()).isNotEqualTo(before.getSerialNumber());
    }

    private String handshake(String[] protocols, String[] suites) throws IOException {
        SSLSocketFactory factory = ConsoleHttps.trusting(Path.of(certificateFile)).getSocketFactory();
        try (SSLSocket socket = (SSLSocket) factory.createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(protocols);
            if (suites != null) {
                String[] supported = Arrays.stream(suites)
                        .filter(s -> Arrays.asList(socket.getSupportedCipherSuites()).contains(s)).toArray(String[]::new);
                socket.setEnabledCipherSuites(supported);
            }
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    private X509Certificate servedCertificate() throws Exception {
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new CapturingTrustManager()}, null);
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket("localhost", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static void replace(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".replace", ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        int read = in.read(buffer);
        return read <= 0 ? new byte[0] : Arrays.copyOf(buffer, read);
    }

    /** Accepts any server certificate: only used to look at what the server presents. */
    private static final class CapturingTrustManager implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // inspection only: the test asserts on the certificate afterwards
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
