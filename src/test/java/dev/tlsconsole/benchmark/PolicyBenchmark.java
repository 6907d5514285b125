package dev.tlsconsole.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.tlsconsole.ConsoleApplication;
import dev.tlsconsole.resolution.EffectivePolicies;
import dev.tlsconsole.resolution.PolicyChange;
import dev.tlsconsole.resolution.PolicyFilter;
import dev.tlsconsole.resolution.SnapshotBuilder;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;

/**
 * DESIGN.md §9 on a 5,000-host / 20,000-application / 100,000-connection topology in an H2 file
 * database: the snapshot build (bulk reader + records), resolve-all against the floor of reading the
 * same rows with bare JDBC, a host-level preview reaching ~10,000 connections, and a page of the
 * policies list. The console runs in-process (its real beans), on a temporary data directory.
 */
class PolicyBenchmark {

    private static final int WARM_UPS = 5;
    private static final int RUNS = 7;
    /** Thread CPU time next to wall time: on a shared 2-core machine the wall clock also measures the neighbours. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    @Test
    void resolveAllAndPreviewOnA100kTopology() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "policy-benchmark-");
        // arguments, not default properties: application.yml would override those
        try (ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                .run("--console.data-dir=" + dataDir, "--server.port=0", "--console.admin-password=benchmark-password-1",
                        "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            JdbcTemplate jdbc = console.getBean(JdbcTemplate.class);
            long generation = System.nanoTime();
            new LargeTopology(jdbc).write(5_000, 4, 5, 10_000);
            double generated = millis(generation);

            SnapshotBuilder builder = console.getBean(SnapshotBuilder.class);
            PolicyResolver resolver = console.getBean(PolicyResolver.class);
            PolicySettings settings = console.getBean(PolicySettings.class);
            DataSource dataSource = console.getBean(DataSource.class);

            TopologySnapshot snapshot = builder.read().snapshot();
            Timing snapshotBuild = measure(() -> builder.read().snapshot());
            Timing floor = measure(() -> bareRead(dataSource));
            Timing resolveAll = profiled("resolve-all-100k", () -> measure(() -> resolver.resolveAll(snapshot, settings)));

            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                    null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            EffectivePolicies policies = console.getBean(EffectivePolicies.class);
            policies.statistics();
            List<PolicyChange> hostChange = List.of(new PolicyChange(ObjectType.HOST, LargeTopology.HUB_HOST, null, null,
                    java.util.Map.of("sec-protocol", "TLSv13"), List.of()));
            int impacted = policies.preview(hostChange).impacted();
            int changed = policies.preview(hostChange).changed().size();
            Timing preview = measure(() -> policies.preview(hostChange));
            PolicyFilter failing = new PolicyFilter(java.util.Set.of(Grade.F), java.util.Set.of(), java.util.Set.of(),
                    java.util.Set.of(), "");
            policies.list(failing, PageRequest.of(3, 50, Sort.by("grade")));
            Timing listPage = measure(() -> policies.list(failing, PageRequest.of(3, 50, Sort.by("grade"))));
            Timing cachedAnswer = measure(() -> policies.get(50_000));
            SecurityContextHolder.clearContext();

            new BenchmarkReport("policy")
                    .note(String.format("topology: %d hosts, %d applications, %d ports, %d connections (written in %.0f ms)",
                            snapshot.hostCount(), snapshot.applicationCount(), snapshot.portCount(),
                            snapshot.connectionCount(), generated))
                    .note("medians of " + RUNS + " runs after " + WARM_UPS + " warm-ups; wall time, and the thread's CPU time")
                    .figure("snapshot build (bulk reader + records), wall", snapshotBuild.wall(), "ms")
                    .figure("snapshot build, CPU", snapshotBuild.cpu(), "ms")
                    .figure("bare JDBC read of the same rows (the floor), wall", floor.wall(), "ms")
                    .figure("bare JDBC read, CPU", floor.cpu(), "ms")
                    .figure("resolve-all of every connection, wall", resolveAll.wall(), "ms")
                    .figure("resolve-all, CPU", resolveAll.cpu(), "ms")
                    .figure("resolve-all / bare JDBC read, wall (target <= 1.5)", resolveAll.wall() / floor.wall(), "x")
                    .figure("resolve-all / bare JDBC read, CPU", resolveAll.cpu() / floor.cpu(), "x")
                    .figure("bare JDBC read, process CPU (all threads)", floor.processCpu(), "ms")
                    .figure("resolve-all, process CPU (all threads, GC included)", resolveAll.processCpu(), "ms")
                    .figure("resolve-all / bare JDBC read, process CPU", resolveAll.processCpu() / floor.processCpu(), "x")
                    .figure("(snapshot build + resolve-all) / bare JDBC read, wall",
                            (snapshotBuild.wall() + resolveAll.wall()) / floor.wall(), "x")
                    .figure("preview of one host-level change, wall (target <= 200 ms)", preview.wall(), "ms")
                    .figure("preview of one host-level change, CPU", preview.cpu(), "ms")
                    .note(String.format("  the preview recomputed %d connections, %d of them change", impacted, changed))
                    .figure("policies list, one filtered and sorted page of 50, wall", listPage.wall(), "ms")
                    .figure("one connection's effective policy from the cache, wall", cachedAnswer.wall(), "ms")
                    .note(String.format("load average while measuring: %.1f",
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                    .publish();

            if (Boolean.getBoolean("benchmark.skip-million")) {
                return; // -Dbenchmark.skip-million=true: the 100k figures only, in a minute and a half
            }
            // the same shape ten times larger: how the cost grows, and what the resolution keeps in memory
            long generationMillion = System.nanoTime();
            for (String table : new String[] {"connection", "listening_port", "application_option", "application", "host_option", "host"}) {
                jdbc.update("delete from " + table);
            }
            new LargeTopology(jdbc).write(50_000, 4, 5, 100_000);
            double generatedMillion = millis(generationMillion);
            TopologySnapshot million = builder.read().snapshot();
            Timing floorMillion = measure(() -> bareRead(dataSource), 2, 5);
            Timing resolveMillion = profiled("resolve-all-1m", () -> measure(() -> resolver.resolveAll(million, settings), 2, 5));
            long heapBefore = usedHeapAfterGc();
            List<?> kept = resolver.resolveAll(million, settings);
            long heapKept = usedHeapAfterGc() - heapBefore;
            int keptSize = kept.size();
            kept = null;

            new BenchmarkReport("policy-1m")
                    .note(String.format("topology x10: %d hosts, %d applications, %d ports, %d connections (written in %.0f ms)",
                            million.hostCount(), million.applicationCount(), million.portCount(),
                            million.connectionCount(), generatedMillion))
                    .figure("1M: bare JDBC read of the same rows, wall", floorMillion.wall(), "ms")
                    .figure("1M: resolve-all of every connection, wall", resolveMillion.wall(), "ms")
                    .figure("1M: resolve-all / bare JDBC read, wall", resolveMillion.wall() / floorMillion.wall(), "x")
                    .figure("1M: resolve-all / bare JDBC read, process CPU", resolveMillion.processCpu() / floorMillion.processCpu(), "x")
                    .figure("1M: heap the resolution of " + keptSize + " connections keeps", heapKept / 1_048_576.0, "MB")
                    .note(String.format("load average while measuring: %.1f",
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                    .publish();
        }
    }

    /** The same six tables the reader reads, iterated with plain JDBC, every column read, nothing built. */
    private static long bareRead(DataSource dataSource) {
        String[] queries = {"select id, name, ip_address, os_type, security_pack_version, version from host",
            "select host_id, option_key, option_value from host_option",
            "select id, name, component_type, component_version, host_id, backup_id, version from application",
            "select application_id, option_key, option_value from application_option",
            "select id, application_id, port_id, port_number, listening_mode, transport, ordinal from listening_port",
            "select c.id, c.client_id, p.application_id, c.server_port_id, p.port_id, c.transport, c.version"
                + " from connection c join listening_port p on p.id = c.server_port_id"};
        long checksum = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String query : queries) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            checksum += value == null ? 0 : value.hashCode();
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return checksum;
    }

    /**
     * Median wall, thread-CPU and process-CPU milliseconds. The process CPU counts every thread — the
     * second core's share of a parallel resolve-all, and the garbage collector's work for what it
     * allocates —, so on a loaded machine it is the fairer measure of work done.
     */
    private record Timing(double wall, double cpu, double processCpu) {
    }

    /** {@link #WARM_UPS} runs to let the JIT settle, then the medians of {@link #RUNS}. */
    private static Timing measure(Supplier<?> work) {
        return measure(work, WARM_UPS, RUNS);
    }

    private static Timing measure(Supplier<?> work, int warmUps, int runs) {
        for (int i = 0; i < warmUps; i++) {
            work.get();
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> processCpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long processStarted = PROCESS.getProcessCpuTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            work.get();
            wall.add(millis(started));
            cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000.0);
            processCpu.add((PROCESS.getProcessCpuTime() - processStarted) / 1_000_000.0);
        }
        return new Timing(BenchmarkReport.median(wall), BenchmarkReport.median(cpu), BenchmarkReport.median(processCpu));
    }

    /**
     * With {@code -Dbenchmark.jfr=<directory>}, a JFR recording (CPU samples and allocations, the
     * {@code profile} settings) of {@code work} is written there as {@code <name>.jfr}.
     */
    private static Timing profiled(String name, Supplier<Timing> work) throws Exception {
        String directory = System.getProperty("benchmark.jfr");
        if (directory == null) {
            return work.get();
        }
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            recording.start();
            Timing timing = work.get();
            recording.stop();
            recording.dump(Files.createDirectories(Path.of(directory)).resolve(name + ".jfr"));
            return timing;
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double millis(long started) {
        return (System.nanoTime() - started) / 1_000_000.0;
    }
}
