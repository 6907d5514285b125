package dev.tlsconsole.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.tlsconsole.ConsoleApplication;
import dev.tlsconsole.graph.Graph;
import dev.tlsconsole.graph.GraphQuery;
import dev.tlsconsole.graph.TopologyGraph;

/**
 * DESIGN.md §9, graph data: the whole graph of a 400-host / 2,000-application / 10,000-connection
 * topology from the cached effective policies (target ≤ 300 ms), and one filtered to grade F.
 */
class GraphBenchmark {

    private static final int WARM_UPS = 5;
    private static final int RUNS = 9;

    @Test
    void graphDataFor10kConnections() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "graph-benchmark-");
        try (ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                .run("--console.data-dir=" + dataDir, "--server.port=0", "--console.admin-password=benchmark-password-1",
                        "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            new LargeTopology(console.getBean(JdbcTemplate.class)).write(400, 5, 5, 0);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                    null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            TopologyGraph graphs = console.getBean(TopologyGraph.class);
            Graph all = graphs.graph(GraphQuery.ALL);
            GraphQuery failing = GraphQuery.parse(List.of("F"), null, null, null, null, null, null, null);
            double whole = median(() -> graphs.graph(GraphQuery.ALL));
            double onlyF = median(() -> graphs.graph(failing));
            SecurityContextHolder.clearContext();

            new BenchmarkReport("graph")
                    .note(String.format("graph: %d nodes, %d edges", all.nodes().size(), all.edges().size()))
                    .note("medians of " + RUNS + " runs after " + WARM_UPS + " warm-ups, wall time")
                    .figure("graph data, every connection (target <= 300 ms)", whole, "ms")
                    .figure("graph data, grade F", onlyF, "ms")
                    .note(String.format("load average while measuring: %.1f",
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                    .publish();
        }
    }

    private static double median(Supplier<?> work) {
        for (int i = 0; i < WARM_UPS; i++) {
            work.get();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - started) / 1_000_000.0);
        }
        times.sort(Double::compare);
        return times.get(RUNS / 2);
    }
}
