package dev.tlsconsole.topology;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test access to the bulk reader over a data source of the test's choosing (e.g. one that counts statements). */
public final class TopologyReaders {

    private TopologyReaders() {
    }

    public static TopologyReader over(JdbcTemplate jdbc) {
        return new TopologyReader(jdbc);
    }
}
