package dev.tlsconsole.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
import dev.tlsconsole.audit.AuditFilter;
import dev.tlsconsole.audit.AuditOutcome;
import dev.tlsconsole.audit.AuditQueries;

/**
 * The audit review on 1,000,000 entries (issue: "stays fast at 1,000,000 entries"): the review screen's
 * keyset slices (first screen, filtered, a deep page) and the API's counted page, through the real
 * service on an H2 file database.
 */
class AuditBenchmark {

    private static final int ENTRIES = 1_000_000;
    private static final int RUNS = 15;

    @Test
    void reviewQueriesOnAMillionEntries() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "audit-benchmark-");
        try (ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                .run("--console.data-dir=" + dataDir, "--server.port=0", "--console.admin-password=benchmark-password-1",
                        "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            long started = System.nanoTime();
            write(console.getBean(JdbcTemplate.class));
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            AuditQueries queries = console.getBean(AuditQueries.class);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "auditor", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
            try {
                AuditFilter none = AuditFilter.NONE;
                AuditFilter oneActor = new AuditFilter("operator-7", null, null, null, null, null, null, null);
                AuditFilter oneHost = new AuditFilter(null, "HOST", null, "host-4242", null, null, null, null);
                AuditFilter denials = new AuditFilter(null, null, null, null, null, AuditOutcome.DENIED, null, null);
                AuditFilter lastDay = new AuditFilter(null, null, null, null, "host.*", null,
                        Instant.parse("2026-06-01T00:00:00Z").minusSeconds(86_400), Instant.parse("2026-06-01T00:00:00Z"));
                new BenchmarkReport("audit")
                        .note(ENTRIES + " entries written in " + Math.round(writeSeconds) + " s; medians of " + RUNS + " runs")
                        .figure("review screen, first 50 (newest first)", median(() -> queries.browse(none, true, null, true, 50)), "ms")
                        .figure("review screen, a page half way down (keyset)", median(() -> queries.browse(none, true, 500_000L, true, 50)), "ms")
                        .figure("review screen, one actor's entries", median(() -> queries.browse(oneActor, true, null, true, 50)), "ms")
                        .figure("review screen, one host's history", median(() -> queries.browse(oneHost, true, null, true, 50)), "ms")
                        .figure("review screen, denials only", median(() -> queries.browse(denials, true, null, true, 50)), "ms")
                        .figure("review screen, host.* in one day", median(() -> queries.browse(lastDay, true, null, true, 50)), "ms")
                        .figure("API page of 50 with its total count, unfiltered", median(() -> queries.search(none,
                                PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id")))), "ms")
                        .figure("API page of 50 with its total count, one actor", median(() -> queries.search(oneActor,
                                PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id")))), "ms")
                        .publish();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** Rows straight into the table (the chain is not what is measured here, so the hashes are placeholders). */
    private static void write(JdbcTemplate jdbc) {
        long first = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class) + 1;
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        String[] actions = {"host.update", "application.update", "connection.update", "auth.login", "certificate.assign"};
        String[] types = {"HOST", "APPLICATION", "CONNECTION", "USER", "CERTIFICATE"};
        List<Object[]> batch = new ArrayList<>(10_000);
        for (int i = 0; i < ENTRIES; i++) {
            int kind = i % actions.length;
            AuditOutcome outcome = i % 97 == 0 ? AuditOutcome.DENIED : i % 13 == 0 ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS;
            batch.add(new Object[] {first + i, Timestamp.from(start.plusSeconds(i * 15L)), "operator-" + (i % 40),
                    "10.0.0." + (i % 200), actions[kind], types[kind], Integer.toString(i % 20_000),
                    types[kind].toLowerCase() + "-" + (i % 20_000), outcome.name(), null,
                    "{\"sec-protocol\":\"TLSv12\"}", "{\"sec-protocol\":\"TLSv13\"}", "0".repeat(64), "0".repeat(64)});
            if (batch.size() == 10_000) {
                flush(jdbc, batch);
            }
        }
        flush(jdbc, batch);
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("insert into audit_entry (id, at, actor, source_address, action, object_type, object_id, object_name,"
                + " outcome, detail, before_state, after_state, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch);
        batch.clear();
    }

    private static double median(Supplier<?> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            query.get();
            times.add((System.nanoTime() - started) / 1e6);
        }
        return BenchmarkReport.median(times);
    }
}
