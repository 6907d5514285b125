package dev.tlsconsole.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.ConsoleApplication;

/**
 * DESIGN.md §9 over HTTPS on the 100,000-connection topology: 32 concurrent clients asking for one
 * connection's effective policy against the same clients on {@code /actuator/health} (target: at least
 * half its throughput), and the p95 of the policies page (50 rows with grades, target 100 ms). Bounded:
 * each load phase lasts {@link #PHASE}, against the console on this machine only.
 */
class EffectivePolicyHttpBenchmark {

    private static final Duration PHASE = Duration.ofSeconds(15);
    private static final int CLIENTS = 32;
    private static final int PAGE_SAMPLES = 200;
    private static final String PASSWORD = "benchmark-password-1";

    @Test
    void effectivePolicyThroughputAndPolicyPageLatency() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "http-benchmark-");
        try (ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                .run("--console.data-dir=" + dataDir, "--server.port=0", "--console.admin-password=" + PASSWORD,
                        "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            new LargeTopology(console.getBean(JdbcTemplate.class)).write(5_000, 4, 5, 10_000);
            String base = "https://localhost:" + console.getEnvironment().getProperty("local.server.port");
            // one token per client, as separate tools would have
            List<String> tokens = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                tokens.add(token(base, c));
            }
            String token = tokens.get(0);
            // the first answer after the topology write resolves all 100,000 connections (once per revision):
            // timed on its own, so the throughput phases measure what each request costs, not that one resolve
            long firstStarted = System.nanoTime();
            HttpResponse<String> first = client(null).send(HttpRequest.newBuilder(URI.create(base + "/api/v1/connections/1/effective-policy"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
            double firstSeconds = (System.nanoTime() - firstStarted) / 1e9;
            if (first.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + first.statusCode() + " for the first effective policy");
            }

            IntFunction<HttpRequest> policy = c -> HttpRequest.newBuilder(URI.create(base + "/api/v1/connections/"
                    + (1 + ThreadLocalRandom.current().nextInt(100_000)) + "/effective-policy"))
                    .header("Authorization", "Bearer " + tokens.get(c)).build();
            IntFunction<HttpRequest> health = i -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build();
            IntFunction<HttpRequest> me = c -> HttpRequest.newBuilder(URI.create(base + "/api/v1/users/me"))
                    .header("Authorization", "Bearer " + tokens.get(c)).build();
            double policyRate;
            double healthRate;
            double meRate;
            // console CPU per answer in each phase: on a shared, loaded machine the rates follow whatever else
            // runs, while the CPU each answer costs does not (wrk runs in its own process, so it is not counted)
            double policyCpu = Double.NaN;
            double healthCpu = Double.NaN;
            String generator;
            if (Wrk.available()) {
                // a separate, efficient load generator: Java clients in this JVM would take CPU from the server
                generator = "wrk, " + CLIENTS + " connections on 2 threads (HTTP/1.1 keep-alive)";
                Path randomPolicy = dataDir.resolve("random-policy.lua");
                Files.writeString(randomPolicy, "request = function() return wrk.format(nil, "
                        + "'/api/v1/connections/' .. math.random(1, 100000) .. '/effective-policy') end\n");
                Wrk.rate(base + "/", token, randomPolicy, CLIENTS, Duration.ofSeconds(5));
                Wrk.rate(base + "/actuator/health", null, null, CLIENTS, Duration.ofSeconds(5));
                long cpu = processCpuNanos();
                policyRate = Wrk.rate(base + "/", token, randomPolicy, CLIENTS, PHASE);
                policyCpu = (processCpuNanos() - cpu) / 1e3 / (policyRate * PHASE.toSeconds());
                cpu = processCpuNanos();
                healthRate = Wrk.rate(base + "/actuator/health", null, null, CLIENTS, PHASE);
                healthCpu = (processCpuNanos() - cpu) / 1e3 / (healthRate * PHASE.toSeconds());
                meRate = Wrk.rate(base + "/api/v1/users/me", token, null, CLIENTS, PHASE);
            } else {
                generator = "Java HttpClient, " + CLIENTS + " clients in the console's JVM (install wrk for a fairer figure)";
                load(policy, Duration.ofSeconds(5));
                load(health, Duration.ofSeconds(5));
                policyRate = load(policy, PHASE);
                healthRate = load(health, PHASE);
                meRate = load(me, PHASE);
            }

            HttpClient browser = client(new CookieManager());
            signIn(browser, base);
            List<Double> page = latencies(browser, base + "/policies?grade=F&sort=grade,desc&page=3");
            List<Double> api = latencies(client(null), base + "/api/v1/effective-policies?severity=WARNING&page=7&size=50", token);

            new BenchmarkReport("effective-policy-http")
                    .note("100,000 connections; " + CLIENTS + " concurrent HTTPS clients, " + PHASE.toSeconds() + " s per phase")
                    .note("load generator: " + generator)
                    .figure("first effective policy after the write (full resolve)", firstSeconds, "s")
                    .figure("GET /connections/{id}/effective-policy, requests/s", policyRate, "req/s")
                    .figure("GET /actuator/health, requests/s", healthRate, "req/s")
                    .figure("effective policy / health throughput (target >= 50 %)", 100 * policyRate / healthRate, "%")
                    .figure("console CPU per effective-policy answer", policyCpu, "µs")
                    .figure("console CPU per health answer", healthCpu, "µs")
                    .figure("health / effective-policy CPU per answer (the ratio on an idle machine)", 100 * healthCpu / policyCpu, "%")
                    .figure("GET /users/me with the same tokens (authenticated baseline)", meRate, "req/s")
                    .figure("effective policy / authenticated baseline", 100 * policyRate / meRate, "%")
                    .figure("policies page, 50 rows with grades, p50", BenchmarkReport.percentile(page, 50), "ms")
                    .figure("policies page, 50 rows with grades, p95 (target <= 100 ms)", BenchmarkReport.percentile(page, 95), "ms")
                    .figure("GET /effective-policies (API, 50 items), p95", BenchmarkReport.percentile(api, 95), "ms")
                    .note(String.format("load average at the end: %.1f",
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                    .publish();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Requests per second completed by {@link #CLIENTS} clients (one connection each) during {@code duration};
     * {@code request} gets the client's number.
     */
    private static double load(IntFunction<HttpRequest> request, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int number = c;
                done.add(pool.submit(() -> {
                    HttpClient client = client(null);
                    int ok = 0;
                    while (System.nanoTime() < end) {
                        HttpResponse<byte[]> answer = client.send(request.apply(number), HttpResponse.BodyHandlers.ofByteArray());
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + answer.statusCode() + " from " + answer.uri());
                        }
                        ok++;
                    }
                    return ok;
                }));
            }
            long total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            return total / (duration.toNanos() / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Double> latencies(HttpClient client, String url, String... bearer) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < PAGE_SAMPLES + 20; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (bearer.length > 0) {
                request.header("Authorization", "Bearer " + bearer[0]);
            }
            long started = System.nanoTime();
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - started) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + answer.statusCode() + " from " + url);
            }
            if (i >= 20) {
                times.add(millis);
            }
        }
        return times;
    }

    static String token(String base, int number) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = client(null).send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users/me/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark-" + number + "\",\"expiresInDays\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(created.body(), "token");
    }

    private static void signIn(HttpClient browser, String base) throws Exception {
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static HttpClient client(CookieManager cookies) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(BenchmarkTls.inspectOnly())
                .connectTimeout(Duration.ofSeconds(5));
        if (cookies != null) {
            builder.cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL);
        }
        return builder.build();
    }

}
