package dev.tlsconsole.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §9 "start to serving HTTPS ≤ 5 s": starts the packaged jar as a separate JVM, the way an
 * operator does, and measures until {@code GET /actuator/health} answers UP over HTTPS. The first start
 * of each run is on an empty data directory (certificate, key and schema are created); the others
 * restart on the existing one.
 */
class StartupBenchmark {

    private static final Path JAR = Path.of("target", "tls-topology-console.jar");
    private static final int RESTARTS = 4;

    @Test
    void startToServingHttps() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "startup-benchmark-");
        List<Double> restarts = new ArrayList<>();
        double first = startOnce(dataDir, 18901);
        for (int i = 0; i < RESTARTS; i++) {
            restarts.add(startOnce(dataDir, 18902 + i));
        }
        new BenchmarkReport("startup")
                .figure("first start on an empty data directory", first, "ms")
                .figure("restart, median of " + RESTARTS, BenchmarkReport.median(restarts), "ms")
                .figure("restart, worst", restarts.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), "ms")
                .note("target: <= 5000 ms (DESIGN.md section 9)")
                .publish();
    }

    private static double startOnce(Path dataDir, int port) throws Exception {
        long started = System.nanoTime();
        Process console = new ProcessBuilder("java", "-jar", JAR.toString(), "--console.data-dir=" + dataDir,
                "--server.port=" + port, "--console.admin-password=benchmark-password-1", "--logging.level.root=warn")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("console-" + port + ".log").toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(inspectOnly()).connectTimeout(Duration.ofMillis(200)).build();
            HttpRequest health = HttpRequest.newBuilder(java.net.URI.create("https://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() - started < Duration.ofMinutes(2).toNanos()) {
                if (!console.isAlive()) {
                    throw new IllegalStateException("the console stopped: see " + dataDir.resolve("console-" + port + ".log"));
                }
                try {
                    HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                        return (System.nanoTime() - started) / 1_000_000.0;
                    }
                } catch (IOException notYet) {
                    // not listening yet: poll again
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            throw new IllegalStateException("no HTTPS answer within 2 minutes");
        } finally {
            console.destroy();
            console.waitFor();
        }
    }

    /** The benchmark only needs an answer, not trust: the console's certificate is self-signed. */
    private static SSLContext inspectOnly() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("client side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // measurement only: any server certificate will do
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
