package dev.tlsconsole.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.tlsconsole.ConsoleApplication;
import dev.tlsconsole.browser.BrowserSupport;
import dev.tlsconsole.graph.Graph;
import dev.tlsconsole.graph.GraphQuery;
import dev.tlsconsole.graph.TopologyGraph;

/**
 * DESIGN.md §9 and issue 15, graph at 400 hosts / 2,000 applications / 10,000 connections: the graph
 * data from the cached effective policies in-process and over HTTPS with its JSON (target ≤ 300 ms
 * server side), and the first render of the collapsed {@code /graph} page in headless Chromium, from
 * navigation start to the first frame on screen (target ≤ 2 s).
 */
class GraphBenchmark {

    private static final String PASSWORD = "benchmark-password-1";
    private static final int WARM_UPS = 5;
    private static final int RUNS = 9;
    private static final int PAGE_WARM_UPS = 1;
    private static final int PAGE_RUNS = 3;

    @Test
    void graphDataFor10kConnections() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "graph-benchmark-");
        try (ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                .run("--console.data-dir=" + dataDir, "--server.port=0", "--console.admin-password=" + PASSWORD,
                        "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            new LargeTopology(console.getBean(JdbcTemplate.class)).write(400, 5, 5, 0);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                    null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            TopologyGraph graphs = console.getBean(TopologyGraph.class);
            Graph all = graphs.graph(GraphQuery.ALL);
            GraphQuery failing = GraphQuery.parse(List.of("F"), null, null, null, null, null, null, null);
            double whole = median(WARM_UPS, RUNS, () -> graphs.graph(GraphQuery.ALL));
            double onlyF = median(WARM_UPS, RUNS, () -> graphs.graph(failing));
            double loadService = load();
            SecurityContextHolder.clearContext();

            String base = "https://localhost:" + console.getEnvironment().getProperty("local.server.port");
            String token = EffectivePolicyHttpBenchmark.token(base, 1);
            HttpClient http = EffectivePolicyHttpBenchmark.client(null);
            int bytes = get(http, base + "/api/v1/graph", token);
            double overHttp = median(WARM_UPS, RUNS, () -> get(http, base + "/api/v1/graph", token));
            double overHttpF = median(WARM_UPS, RUNS, () -> get(http, base + "/api/v1/graph?grade=F", token));
            int hostBytes = get(http, base + "/api/v1/graph/hosts", token);
            double hostsOverHttp = median(WARM_UPS, RUNS, () -> get(http, base + "/api/v1/graph/hosts", token));
            double loadHttp = load();

            // before (every connection sent, hosts folded in the browser) and after (folded on the server), alternating
            List<PageFigures> before = new ArrayList<>();
            List<PageFigures> after = new ArrayList<>();
            List<Double> pageLoads = new ArrayList<>();
            firstRender(base, dataDir, driver -> {
                for (int i = 0; i < PAGE_WARM_UPS + PAGE_RUNS; i++) {
                    PageFigures old = load(driver, base + "/graph?view=connections");
                    PageFigures now = load(driver, base + "/graph");
                    if (i >= PAGE_WARM_UPS) {
                        before.add(old);
                        after.add(now);
                        pageLoads.add(load());
                    }
                }
            });
            PageFigures page = PageFigures.median(after);
            PageFigures earlier = PageFigures.median(before);
            double loadPage = BenchmarkReport.median(pageLoads);

            new BenchmarkReport("graph")
                    .note(String.format("graph: %d nodes, %d edges; JSON %,d bytes", all.nodes().size(), all.edges().size(), bytes))
                    .note("medians of " + RUNS + " runs after " + WARM_UPS + " warm-ups, wall time")
                    .figure("graph data in-process, every connection", whole, "ms")
                    .figure("graph data in-process, grade F", onlyF, "ms")
                    .note(String.format("load average: %.1f", loadService))
                    .figure("GET /api/v1/graph over HTTPS with JSON (target <= 300 ms)", overHttp, "ms")
                    .figure("GET /api/v1/graph?grade=F over HTTPS with JSON", overHttpF, "ms")
                    .figure(String.format("GET /api/v1/graph/hosts over HTTPS with JSON (%,d bytes)", hostBytes), hostsOverHttp, "ms")
                    .note(String.format("load average: %.1f", loadHttp))
                    .note("/graph in headless Chromium, collapsed hosts, medians of " + PAGE_RUNS + " loads each after "
                            + PAGE_WARM_UPS + ", the two pages alternating, ms since navigation start:")
                    .note("before, /graph?view=connections (every connection sent, folded in the browser; " + earlier.drawn() + "):")
                    .figure("  graph data received", earlier.loaded(), "ms")
                    .figure("  laid out", earlier.laidOut(), "ms")
                    .figure("  first frame on screen", earlier.rendered(), "ms")
                    .note("after, /graph (hosts folded on the server; " + page.drawn() + "):")
                    .figure("  graph data received", page.loaded(), "ms")
                    .figure("  laid out", page.laidOut(), "ms")
                    .figure("  first frame on screen (target <= 2000 ms)", page.rendered(), "ms")
                    .figure("  first frame, after as a share of before", 100 * page.rendered() / earlier.rendered(), "%")
                    .note(String.format("load average: %.1f (median over the page loads)", loadPage))
                    .publish();
        }
    }

    private static int get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    private interface Pages {
        void run(WebDriver driver) throws Exception;
    }

    private static void firstRender(String base, Path dataDir, Pages pages) throws Exception {
        WebDriver driver = BrowserSupport.startChromium(Files.createDirectories(dataDir.resolve("downloads")));
        try {
            // on a loaded machine the layout can hold the page's only thread longer than WebDriver's defaults
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(5)).pageLoadTimeout(Duration.ofMinutes(5));
            driver.get(base + "/login");
            driver.findElement(By.cssSelector("[data-testid=login-username]")).sendKeys("admin");
            driver.findElement(By.cssSelector("[data-testid=login-password]")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
            pages.run(driver);
        } finally {
            driver.quit();
        }
    }

    /** Opens a graph page and reads its marks once the first frame is on screen. */
    private static PageFigures load(WebDriver driver, String url) {
        driver.get(url);
        Map<?, ?> marks = new WebDriverWait(driver, Duration.ofMinutes(5)).until(d -> (Map<?, ?>) ((JavascriptExecutor) d)
                .executeScript("var c = document.getElementById('graph-canvas');"
                        + "return c && c.dataset.renderedMs ? {loaded: Number(c.dataset.loadedMs), laidOut: Number(c.dataset.laidOutMs),"
                        + " rendered: Number(c.dataset.renderedMs), nodes: window.consoleGraph.nodes().length,"
                        + " edges: window.consoleGraph.edges().length} : null;"));
        return new PageFigures(marks.get("nodes") + " nodes, " + marks.get("edges") + " edges drawn",
                ((Number) marks.get("loaded")).doubleValue(), ((Number) marks.get("laidOut")).doubleValue(),
                ((Number) marks.get("rendered")).doubleValue());
    }

    private record PageFigures(String drawn, double loaded, double laidOut, double rendered) {

        static PageFigures median(List<PageFigures> runs) {
            return new PageFigures(runs.get(0).drawn(), BenchmarkReport.median(runs.stream().map(PageFigures::loaded).toList()),
                    BenchmarkReport.median(runs.stream().map(PageFigures::laidOut).toList()),
                    BenchmarkReport.median(runs.stream().map(PageFigures::rendered).toList()));
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(int warmUps, int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < warmUps; i++) {
            work.call();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.call();
            times.add((System.nanoTime() - started) / 1_000_000.0);
        }
        return BenchmarkReport.median(times);
    }
}
