package dev.tlsconsole.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.ConsoleApplication;

/**
 * Issue 11's import targets, through the real API over HTTPS: a topology is generated straight into the
 * tables ({@link LargeTopology}), exported (Genesys archive / JSON document), the topology emptied, and the
 * export imported back — the Genesys archive as a plan (dry run) then an apply (target: both together
 * ≤ 60 s for 2,000 hosts / 10,000 applications / 50,000 connections), the JSON document applied at once
 * (target ≤ 120 s for 5,000 / 20,000 / 100,000). Each import is checked to have brought every connection back.
 * Each format at three sizes (2,000 / 10,000 / 50,000 and 5,000 / 20,000 / 100,000 connections), so that
 * growth that is not linear shows. The load average is printed beside each figure: the machine may be shared.
 */
class ImportBenchmark {

    private static final String PASSWORD = "benchmark-password-1";

    @Test
    void importsAtTheSpeedOfTheDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "import-benchmark-");
        try (ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                .run("--console.data-dir=" + dataDir, "--server.port=0", "--console.admin-password=" + PASSWORD,
                        // the imports' own upload limit (console.imports.max-upload-size, 64 MB) takes the archives as a user sends them
                        "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            JdbcTemplate jdbc = console.getBean(JdbcTemplate.class);
            String base = "https://localhost:" + console.getEnvironment().getProperty("local.server.port");
            String token = EffectivePolicyHttpBenchmark.token(base, 0);
            HttpClient http = EffectivePolicyHttpBenchmark.client(null);
            BenchmarkReport report = new BenchmarkReport("import");

            for (int[] size : new int[][] {{80, 5, 5, 200}, {400, 5, 5, 1_000}, {2_000, 5, 5, 5_000}}) {
                genesys(report, jdbc, http, base, token, size);
            }
            for (int[] size : new int[][] {{250, 4, 5, 500}, {1_000, 4, 5, 2_000}, {5_000, 4, 5, 10_000}}) {
                json(report, jdbc, http, base, token, size);
            }
            report.publish();
        }
    }

    private static void genesys(BenchmarkReport report, JdbcTemplate jdbc, HttpClient http, String base, String token,
            int[] size) throws Exception {
        int connections = fill(jdbc, size);
        long started = System.nanoTime();
        HttpResponse<byte[]> export = http.send(request(base + "/api/v1/exports/genesys", token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        expect(export, 200);
        double exportSeconds = seconds(started);
        empty(jdbc);
        started = System.nanoTime();
        expect(http.send(multipart(base + "/api/v1/imports/genesys?dryRun=true", token, export.body()),
                HttpResponse.BodyHandlers.ofString()), 200);
        double planSeconds = seconds(started);
        started = System.nanoTime();
        expect(http.send(multipart(base + "/api/v1/imports/genesys?dryRun=false", token, export.body()),
                HttpResponse.BodyHandlers.ofString()), 200);
        double applySeconds = seconds(started);
        check(jdbc, connections);
        String label = String.format(Locale.ROOT, "Genesys archive, %,d hosts / %,d apps / %,d connections (%,d KB)",
                size[0], size[0] * size[1], connections, export.body().length / 1024);
        report.note(label)
                .figure("  export", exportSeconds, "s")
                .figure("  plan (dry run)", planSeconds, "s")
                .figure("  apply", applySeconds, "s")
                .figure("  plan + apply (target <= 60 s)", planSeconds + applySeconds, "s  " + load());

        // the same archive over the estate just imported, with one option changed (or added) on every application
        byte[] changed = everyApplicationChanged(export.body());
        started = System.nanoTime();
        expect(http.send(multipart(base + "/api/v1/imports/genesys?dryRun=true", token, changed),
                HttpResponse.BodyHandlers.ofString()), 200);
        double upsertPlan = seconds(started);
        started = System.nanoTime();
        expect(http.send(multipart(base + "/api/v1/imports/genesys?dryRun=false", token, changed),
                HttpResponse.BodyHandlers.ofString()), 200);
        double upsertApply = seconds(started);
        int applications = jdbc.queryForObject("select count(*) from application", Integer.class);
        int updated = jdbc.queryForObject("select count(*) from application_option where option_key = 'sec-protocol'"
                + " and option_value = 'TLSv13'", Integer.class);
        if (updated != applications) {
            throw new IllegalStateException("the upsert changed " + updated + " of " + applications + " applications");
        }
        report.figure("  upsert, one option changed on every application: plan", upsertPlan, "s")
                .figure("  upsert: apply", upsertApply, "s")
                .figure("  upsert: plan + apply (target <= 60 s)", upsertPlan + upsertApply, "s  " + load());
    }

    /** The archive with {@code sec-protocol=TLSv13} in every application's options file. */
    private static byte[] everyApplicationChanged(byte[] zip) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(zip.length);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                java.util.zip.ZipOutputStream changed = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith(".options.cfg")) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    text = text.contains("\nsec-protocol=") ? text.replaceAll("\nsec-protocol=[^\r\n]*", "\nsec-protocol=TLSv13")
                            : text.replace("[security]", "[security]\nsec-protocol=TLSv13");
                    content = text.getBytes(StandardCharsets.UTF_8);
                }
                changed.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                changed.write(content);
                changed.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void json(BenchmarkReport report, JdbcTemplate jdbc, HttpClient http, String base, String token,
            int[] size) throws Exception {
        int connections = fill(jdbc, size);
        HttpResponse<byte[]> export = http.send(request(base + "/api/v1/topology/export", token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        expect(export, 200);
        empty(jdbc);
        long started = System.nanoTime();
        expect(http.send(request(base + "/api/v1/topology/import?dryRun=false", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(export.body())).build(),
                HttpResponse.BodyHandlers.ofString()), 200);
        double applySeconds = seconds(started);
        check(jdbc, connections);
        report.note(String.format(Locale.ROOT, "JSON document, %,d hosts / %,d apps / %,d connections (%,d KB)",
                        size[0], size[0] * size[1], connections, export.body().length / 1024))
                .figure("  POST /topology/import, applied (target <= 120 s)", applySeconds, "s  " + load());

        // prune: the document without every tenth host (its applications and their connections), dry run then apply
        byte[] pruned = everyTenthHostGone(export.body());
        int hosts = jdbc.queryForObject("select count(*) from host", Integer.class);
        started = System.nanoTime();
        expect(http.send(request(base + "/api/v1/topology/import?dryRun=true&prune=true", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(pruned)).build(),
                HttpResponse.BodyHandlers.ofString()), 200);
        double prunePlan = seconds(started);
        started = System.nanoTime();
        expect(http.send(request(base + "/api/v1/topology/import?dryRun=false&prune=true", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(pruned)).build(),
                HttpResponse.BodyHandlers.ofString()), 200);
        double pruneApply = seconds(started);
        int left = jdbc.queryForObject("select count(*) from host", Integer.class);
        if (left != hosts - (hosts + 9) / 10) {
            throw new IllegalStateException("the prune left " + left + " of " + hosts + " hosts");
        }
        report.figure("  prune of every tenth host (and its applications, connections): plan", prunePlan, "s")
                .figure("  prune: apply", pruneApply, "s")
                .figure("  prune: plan + apply", prunePlan + pruneApply, "s  " + load());
    }

    /** The JSON document without hosts 0, 10, 20, … and what runs on them or connects to it. */
    private static byte[] everyTenthHostGone(byte[] document) {
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) mapper.readTree(document);
        java.util.Set<String> goneHosts = new java.util.HashSet<>();
        java.util.Set<String> goneApps = new java.util.HashSet<>();
        tools.jackson.databind.node.ArrayNode hosts = tree.arrayNode();
        int i = 0;
        for (tools.jackson.databind.JsonNode host : tree.get("hosts")) {
            if (i++ % 10 == 0) {
                goneHosts.add(host.get("name").asString());
            } else {
                hosts.add(host);
            }
        }
        tools.jackson.databind.node.ArrayNode apps = tree.arrayNode();
        for (tools.jackson.databind.JsonNode app : tree.get("applications")) {
            if (goneHosts.contains(app.get("host").asString())) {
                goneApps.add(app.get("name").asString());
            } else {
                apps.add(app);
            }
        }
        for (tools.jackson.databind.JsonNode app : apps) {
            if (app.hasNonNull("backup") && goneApps.contains(app.get("backup").asString())) {
                ((tools.jackson.databind.node.ObjectNode) app).remove("backup");
            }
        }
        tools.jackson.databind.node.ArrayNode connections = tree.arrayNode();
        for (tools.jackson.databind.JsonNode connection : tree.get("connections")) {
            if (!goneApps.contains(connection.get("client").asString()) && !goneApps.contains(connection.get("server").asString())) {
                connections.add(connection);
            }
        }
        tree.set("hosts", hosts);
        tree.set("applications", apps);
        tree.set("connections", connections);
        return mapper.writeValueAsBytes(tree);
    }

    /** Writes the generated topology into an empty one; returns its number of connections. */
    private static int fill(JdbcTemplate jdbc, int[] size) {
        empty(jdbc);
        new LargeTopology(jdbc).write(size[0], size[1], size[2], size[3]);
        return jdbc.queryForObject("select count(*) from connection", Integer.class);
    }

    private static void empty(JdbcTemplate jdbc) {
        jdbc.update("delete from connection");
        jdbc.update("update application set backup_id = null");
        jdbc.update("delete from listening_port");
        jdbc.update("delete from application_option");
        jdbc.update("delete from application_annex_option");
        jdbc.update("delete from application");
        jdbc.update("delete from host_option");
        jdbc.update("delete from host");
        jdbc.update("update policy_input_revision set revision = revision + 1 where subject = 'TOPOLOGY'");
    }

    private static void check(JdbcTemplate jdbc, int connections) {
        int imported = jdbc.queryForObject("select count(*) from connection", Integer.class);
        if (imported != connections) {
            throw new IllegalStateException("the import brought back " + imported + " of " + connections + " connections");
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(java.time.Duration.ofMinutes(15));
    }

    private static HttpRequest multipart(String url, String token, byte[] zip) {
        String boundary = "----benchmark" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"genesys.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + zip.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(zip, 0, body, head.length, zip.length);
        System.arraycopy(tail, 0, body, head.length + zip.length, tail.length);
        return request(url, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static void expect(HttpResponse<?> response, int status) {
        if (response.statusCode() != status) {
            String body = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : String.valueOf(response.body());
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + response.uri() + ": "
                    + body.substring(0, Math.min(2_000, body.length())));
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String load() {
        return String.format(Locale.ROOT, "(load average %.1f)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
