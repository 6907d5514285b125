package dev.tlsconsole.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyReader;
import dev.tlsconsole.topology.TopologyReaders;

/**
 * DESIGN.md §3: the snapshot is built with a handful of bulk queries, never one per connection. The
 * statements sent while building it are counted on the topology as it is, then after adding more hosts,
 * applications and connections: the counts are equal and small.
 */
@ConsoleTest
class SnapshotQueryCountTests {

    private static final Set<String> STATEMENT_METHODS = Set.of("createStatement", "prepareStatement", "prepareCall");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void theSnapshotTakesTheSameFewQueriesWhateverTheTopologySize() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        TopologyReader reader = TopologyReaders.over(new JdbcTemplate(new CountingDataSource(dataSource, statements)));

        TopologySnapshot small = SnapshotBuilder.snapshot(reader.readAll());
        int smallCount = statements.getAndSet(0);

        for (int i = 0; i < 4; i++) {
            new PolicyTopology(mvc, jdbc);
        }
        statements.set(0);
        TopologySnapshot larger = SnapshotBuilder.snapshot(reader.readAll());
        int largerCount = statements.get();

        assertThat(larger.connectionCount()).isEqualTo(small.connectionCount() + 12);
        assertThat(larger.applicationCount()).isEqualTo(small.applicationCount() + 12);
        assertThat(largerCount).isEqualTo(smallCount).isBetween(1, 8);
    }

    /** Hands out connections that count the statements created on them. */
    static final class CountingDataSource extends DelegatingDataSource {

        private final AtomicInteger statements;

        CountingDataSource(DataSource target, AtomicInteger statements) {
            super(target);
            this.statements = statements;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (STATEMENT_METHODS.contains(method.getName())) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
