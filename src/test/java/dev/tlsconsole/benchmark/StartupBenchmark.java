package dev.tlsconsole.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §9 "start to serving HTTPS ≤ 5 s": starts the packaged jar as a separate JVM, the way an
 * operator does, and measures until {@code GET /actuator/health} answers UP over HTTPS. The first start
 * of each run is on an empty data directory (certificate, key and schema are created); the others
 * restart on the existing one. It measures the plain {@code java -jar}, the extracted jar with a class-data-sharing
 * archive, and the production launch exactly as docker-compose.yml and the README run it ({@code docker/start-console.sh}:
 * Spring AOT with the CDS archive on this JDK, and, when a Java 24+ JDK is installed next to this one, Spring AOT
 * with the JDK's AOT cache). Each figure comes with the CPU time the start used and the load average (issue 18).
 */
class StartupBenchmark {

    private static final Path JAR = Path.of("target", "tls-topology-console.jar");
    /** Restarts of the production launch (the target is their median); the older launches, for comparison, fewer. */
    private static final int RESTARTS = 5;
    private static final int RESTARTS_COMPARED = 3;
    /** Per start; generous, because the shared build machine can be loaded (a start then takes minutes). */
    private static final Duration LIMIT = Duration.ofMinutes(Long.getLong("benchmark.start-limit-minutes", 5));

    @Test
    void startToServingHttps() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "startup-benchmark-");
        BenchmarkReport report = new BenchmarkReport("startup");
        List<String> plain = List.of(java(), "-jar", JAR.toString());
        Starts first = starts(plain, dataDir, 18901, 1);
        report.figure("java -jar: first start on an empty data directory", first.medianWall(), "ms");
        starts(plain, dataDir, 18902, RESTARTS_COMPARED).report(report, "java -jar");

        Path extracted = dataDir.resolve("extracted");
        run(List.of(java(), "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--destination", extracted.toString()), dataDir);
        Path archive = extracted.resolve("console.jsa");
        Path jar = extracted.resolve(JAR.getFileName());
        run(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", jar.toString(),
                "--console.data-dir=" + dataDir, "--server.port=18910", "--logging.level.root=warn"), dataDir);
        starts(List.of(java(), "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", jar.toString()), dataDir, 18911,
                RESTARTS_COMPARED).report(report, "extracted jar + CDS archive (no Spring AOT)");

        // issue 18: the production launch, exactly as docker-compose.yml and the README run it (docker/start-console.sh):
        // Spring AOT + the CDS archive on this JDK, Spring AOT + the JDK's AOT cache on Java 24 or later
        productionLaunch(report, java(), dataDir, 18920);
        String newer = newerJdk();
        if (newer != null) {
            productionLaunch(report, newer, dataDir, 18940);
        }
        report.note("target: <= 5000 ms wall (DESIGN.md section 9), the production launch's median; cpu = user + system time of the"
                + " console's process (all threads: JIT compilers and GC too) until its first HTTPS answer; load average = the"
                + " machine's 1/5/15-minute load when each series started and ended").publish();
    }

    private static void productionLaunch(BenchmarkReport report, String java, Path dataDir, int firstPort) throws Exception {
        Path cache = Files.createDirectories(dataDir.resolve("production-" + firstPort));
        List<String> launch = List.of("sh", Path.of("docker", "start-console.sh").toString(), JAR.toString(), cache.toString());
        String label = "production launch, " + javaVersion(java);
        // the first start extracts the jar and trains the archive (once per jar and JDK), as in production; not counted
        startOnce(launch, Map.of("JAVA", java), dataDir, firstPort, LIMIT.multipliedBy(4));
        starts(launch, Map.of("JAVA", java), dataDir, firstPort + 1, RESTARTS).report(report, label);
    }

    /** A JDK of version 24 or later installed next to this one (its AOT cache is the production launch there), or null. */
    private static String newerJdk() throws IOException {
        Path jvms = Path.of(System.getProperty("java.home")).toRealPath().getParent();
        if (jvms == null || Runtime.version().feature() >= 24) {
            return null;
        }
        try (java.util.stream.Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(home.resolve("release")))
                    .filter(home -> releaseFeature(home) >= 24).sorted().map(home -> home.resolve("bin/java").toString())
                    .findFirst().orElse(null);
        }
    }

    private static int releaseFeature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return Runtime.Version.parse(line.substring("JAVA_VERSION=".length()).replace("\"", "")).feature();
                }
            }
            return 0;
        } catch (IOException | IllegalArgumentException unreadable) {
            return 0;
        }
    }

    private static String javaVersion(String java) {
        int feature = releaseFeature(Path.of(java).getParent().getParent());
        return "Java " + (feature > 0 ? feature : Runtime.version().feature());
    }

    /** Wall and CPU time of a series of starts of one launch, with the load average before and after. */
    private record Starts(List<Double> wall, List<Double> cpu, String loadBefore, String loadAfter) {

        double medianWall() {
            return BenchmarkReport.median(wall);
        }

        void report(BenchmarkReport report, String label) {
            report.figure(label + ": restart, median of " + wall.size(), medianWall(), "ms")
                    .figure(label + ": restart, worst", wall.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), "ms")
                    .figure(label + ": cpu, median", BenchmarkReport.median(cpu), "ms")
                    .note("  load average " + loadBefore + " -> " + loadAfter);
        }
    }

    private static Starts starts(List<String> command, Path dataDir, int firstPort, int count) throws Exception {
        return starts(command, Map.of(), dataDir, firstPort, count);
    }

    private static Starts starts(List<String> command, Map<String, String> environment, Path dataDir, int firstPort, int count)
            throws Exception {
        String before = loadAverage();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] start = startOnce(command, environment, dataDir, firstPort + i, LIMIT);
            wall.add(start[0]);
            cpu.add(start[1]);
        }
        return new Starts(wall, cpu, before, loadAverage());
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

    /** Wall and CPU milliseconds until the console answers UP over HTTPS. */
    private static double[] startOnce(List<String> launch, Map<String, String> environment, Path dataDir, int port,
            Duration limit) throws Exception {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("--console.data-dir=" + dataDir, "--server.port=" + port,
                "--console.admin-password=benchmark-password-1", "--logging.level.root=warn"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process console = builder
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("console-" + port + ".log").toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(BenchmarkTls.inspectOnly()).connectTimeout(Duration.ofMillis(200)).build();
            HttpRequest health = HttpRequest.newBuilder(java.net.URI.create("https://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() - started < limit.toNanos()) {
                if (!console.isAlive()) {
                    throw new IllegalStateException("the console stopped: see " + dataDir.resolve("console-" + port + ".log"));
                }
                try {
                    HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                        double wall = (System.nanoTime() - started) / 1_000_000.0;
                        // the launch script execs java, so the process is the console's JVM
                        double cpu = console.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                        return new double[] {wall, cpu};
                    }
                } catch (IOException notYet) {
                    // not listening yet: poll again
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            throw new IllegalStateException("no HTTPS answer within " + limit);
        } finally {
            console.descendants().forEach(ProcessHandle::destroy); // a training run the launch script started
            console.destroy();
            console.waitFor();
        }
    }

}
