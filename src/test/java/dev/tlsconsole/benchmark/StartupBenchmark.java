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
 * restart on the existing one. It measures the plain {@code java -jar} and the launch docker-compose
 * uses: the extracted jar with a class-data-sharing archive from a training run (Spring Boot's CDS).
 */
class StartupBenchmark {

    private static final Path JAR = Path.of("target", "tls-topology-console.jar");
    /** Restarts of the production launch (the target is their median); the older launches, for comparison, fewer. */
    private static final int RESTARTS = 5;
    private static final int RESTARTS_COMPARED = 3;

    @Test
    void startToServingHttps() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "startup-benchmark-");
        List<String> plain = List.of("-jar", JAR.toString());
        double first = startOnce(plain, dataDir, 18901);
        List<Double> restarts = restarts(plain, dataDir, 18902, RESTARTS_COMPARED);

        Path extracted = dataDir.resolve("extracted");
        run(List.of(java(), "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--destination", extracted.toString()), dataDir);
        Path archive = extracted.resolve("console.jsa");
        Path jar = extracted.resolve(JAR.getFileName());
        run(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", jar.toString(),
                "--console.data-dir=" + dataDir, "--server.port=18910", "--logging.level.root=warn"), dataDir);
        List<Double> cds = restarts(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", jar.toString()),
                dataDir, 18911, RESTARTS_COMPARED);

        // issue 18: the production launch — the same, with the application context processed ahead of time
        Path aotArchive = extracted.resolve("console-aot.jsa");
        run(List.of(java(), "-XX:ArchiveClassesAtExit=" + aotArchive, "-Dspring.aot.enabled=true", "-Dspring.context.exit=onRefresh",
                "-jar", jar.toString(), "--console.data-dir=" + dataDir, "--server.port=18920", "--logging.level.root=warn"), dataDir);
        List<Double> aot = restarts(List.of("-XX:SharedArchiveFile=" + aotArchive, "-Xlog:cds=off", "-Dspring.aot.enabled=true",
                "-jar", jar.toString()), dataDir, 18921, RESTARTS);

        new BenchmarkReport("startup")
                .figure("java -jar: first start on an empty data directory", first, "ms")
                .figure("java -jar: restart, median of " + RESTARTS_COMPARED, BenchmarkReport.median(restarts), "ms")
                .figure("extracted jar + CDS archive: restart, median of " + RESTARTS_COMPARED, BenchmarkReport.median(cds), "ms")
                .figure("extracted jar + CDS archive: restart, worst", cds.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), "ms")
                .figure("extracted jar + CDS + AOT (production): restart, median of " + RESTARTS, BenchmarkReport.median(aot), "ms")
                .figure("extracted jar + CDS + AOT (production): restart, worst", aot.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), "ms")
                .note("target: <= 5000 ms (DESIGN.md section 9); load average " + loadAverage() + " at the end")
                .publish();
    }

    private static List<Double> restarts(List<String> launch, Path dataDir, int firstPort, int count) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(startOnce(launch, dataDir, firstPort + i));
        }
        return times;
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? String.join(" ", List.of(Files.readString(loadavg).split(" ")).subList(0, 3)) : "n/a";
    }

    private static void run(List<String> command, Path dataDir) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("setup.log").toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed: see " + dataDir.resolve("setup.log"));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double startOnce(List<String> launch, Path dataDir, int port) throws Exception {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(launch);
        command.addAll(List.of("--console.data-dir=" + dataDir, "--server.port=" + port,
                "--console.admin-password=benchmark-password-1", "--logging.level.root=warn"));
        Process console = new ProcessBuilder(command)
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
