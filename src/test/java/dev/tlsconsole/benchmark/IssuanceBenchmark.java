package dev.tlsconsole.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tlsconsole.ConsoleApplication;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18 item 3, "issue faster than openssl": EC P-256 certificates for topology hosts, issued
 * <ul>
 * <li>one by one through {@code POST /authorities/{id}/issue} over one keep-alive HTTPS client (a script
 * with a personal API token), </li>
 * <li>all at once through {@code POST /authorities/{id}/issue-bulk}, and</li>
 * <li>by the {@code openssl} CLI the way a shell loop does it: {@code openssl req -newkey ec} (key + CSR) piped into
 * {@code openssl x509 -req -CA} (signing), two processes per certificate,</li>
 * </ul>
 * in the same run, so the ratios hold even on a loaded machine. The console runs in-process on an H2
 * file database; the load average is written beside the figures.
 */
class IssuanceBenchmark {

    /** 200 by default; {@code -Dbenchmark.certificates=50} for a quicker look on a busy machine. */
    private static final int CERTIFICATES = Integer.getInteger("benchmark.certificates", 200);
    private static final int WARM_UP = 40;
    private static final String PASSWORD = "benchmark-password-1";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void issuanceAgainstTheOpensslCli() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "issuance-benchmark-");
        String loadBefore = loadAverage();
        try (ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                .run("--console.data-dir=" + dataDir, "--server.port=0", "--console.admin-password=" + PASSWORD,
                        "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            Api api = new Api(Integer.parseInt(console.getEnvironment().getProperty("local.server.port")));
            api.useToken(api.post("/users/me/tokens", Map.of("name", "benchmark", "expiresInDays", 1)).get("token").asString());
            for (int i = 0; i < WARM_UP + 2 * CERTIFICATES; i++) {
                api.post("/hosts", Map.of("name", host(i), "ipAddress", "10.18." + (i / 250) + "." + (i % 250 + 1),
                        "osType", "UNIX", "securityPackVersion", "8.5.100", "security", Map.of()));
            }
            long ca = api.post("/authorities", Map.of("name", "Benchmark CA", "subject", "CN=Benchmark CA,O=Benchmarks",
                    "keyAlgorithm", "EC_P256", "validityDays", 3650)).get("id").asLong();

            for (int i = 0; i < WARM_UP; i++) {
                api.post("/authorities/" + ca + "/issue", single(host(i)));
            }
            api.post("/authorities/" + ca + "/issue-bulk", bulk(0, WARM_UP, "CLIENT"));

            // the CLI runs half before and half after the console's runs, so a load that drifts during the run
            // weighs on both sides alike
            Path openssl = Files.createDirectories(dataDir.resolve("openssl"));
            opensslCa(openssl);
            double opensslMs = opensslLoop(openssl, 0, CERTIFICATES / 2);

            long started = System.nanoTime();
            for (int i = WARM_UP; i < WARM_UP + CERTIFICATES; i++) {
                api.post("/authorities/" + ca + "/issue", single(host(i)));
            }
            double singleMs = (System.nanoTime() - started) / 1e6;

            started = System.nanoTime();
            JsonNode issued = api.post("/authorities/" + ca + "/issue-bulk", bulk(WARM_UP + CERTIFICATES, CERTIFICATES, "SERVER"));
            double bulkMs = (System.nanoTime() - started) / 1e6;
            if (issued.get("issued").size() != CERTIFICATES) {
                throw new IllegalStateException("the bulk issuance returned " + issued.get("issued").size() + " certificates");
            }

            opensslMs += opensslLoop(openssl, CERTIFICATES / 2, CERTIFICATES);
            String loadAfter = loadAverage();

            double single = singleMs / CERTIFICATES;
            double inBulk = bulkMs / CERTIFICATES;
            double cli = opensslMs / CERTIFICATES;
            new BenchmarkReport("issuance")
                    .note(CERTIFICATES + " EC P-256 server certificates each way, after " + WARM_UP + " warm-up issuances; "
                            + "load average before " + loadBefore + ", after " + loadAfter)
                    .figure("openssl CLI loop (req -newkey ec | x509 -req -CA), per cert", cli, "ms")
                    .figure("POST /authorities/{id}/issue, one keep-alive client, per cert", single, "ms")
                    .figure("POST /authorities/{id}/issue-bulk (" + CERTIFICATES + " hosts), per cert", inBulk, "ms")
                    .figure("single: speed-up over the CLI", cli / single, "x")
                    .figure("bulk: speed-up over the CLI", cli / inBulk, "x")
                    .publish();
        }
    }

    private static String host(int i) {
        return "bench-host-" + i;
    }

    private static Map<String, Object> single(String host) {
        return Map.of("host", host, "usage", "SERVER", "validityDays", 90);
    }

    private static Map<String, Object> bulk(int from, int count, String usage) {
        List<String> hosts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            hosts.add(host(i));
        }
        return Map.of("hosts", hosts, "usage", usage, "validityDays", 90);
    }

    /** The shell loop's CA, made once (not timed). */
    private static void opensslCa(Path dir) throws Exception {
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=CLI CA", "-days", "3650");
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=DNS:cli-host,IP:10.19.0.1\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
    }

    /** The shell loop: per certificate one key + CSR process and one signing process. */
    private static double opensslLoop(Path dir, int from, int to) throws Exception {
        long started = System.nanoTime();
        for (int i = from; i < to; i++) {
            String key = "host-" + i + ".key";
            String csr = "host-" + i + ".csr";
            run(dir, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", key, "-out", csr, "-subj", "/CN=cli-host-" + i);
            run(dir, "openssl", "x509", "-req", "-in", csr, "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                    "-days", "90", "-extfile", "ext.cnf", "-out", "host-" + i + ".crt");
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("openssl.log").toFile())).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed: see " + dir.resolve("openssl.log"));
        }
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? String.join(" ", List.of(Files.readString(loadavg).split(" ")).subList(0, 3)) : "n/a";
    }

    /** One keep-alive HTTPS client, as a script would hold it. */
    private final class Api {

        private final HttpClient client;
        private final String base;
        private String authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        Api(int port) throws Exception {
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(BenchmarkTls.inspectOnly()).build();
            this.base = "https://localhost:" + port + "/api/v1";
        }

        void useToken(String token) {
            authorization = "Bearer " + token;
        }

        JsonNode post(String path, Map<String, ?> body) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new LinkedHashMap<>(body)))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        }
    }

}
