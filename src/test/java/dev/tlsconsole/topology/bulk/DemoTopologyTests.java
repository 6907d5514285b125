package dev.tlsconsole.topology.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;
import dev.tlsconsole.topology.EmptyTopology;
import dev.tlsconsole.topology.TopologyQueries;
import dev.tlsconsole.topology.bulk.TopologyImport.ImportResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo profile's sample: it loads through the import into an empty topology (as {@code system}),
 * exports back to exactly the resource file, covers every option at every level, and is left alone
 * when the topology already holds something.
 */
@ConsoleTest
class DemoTopologyTests {

    @Autowired
    TopologyImport importer;
    @Autowired
    TopologyExport export;
    @Autowired
    TopologyQueries queries;
    @Autowired
    JsonMapper mapper;
    @Autowired
    ResourceLoader resources;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    DemoTopologySeeder seeder() {
        return new DemoTopologySeeder(importer, queries, mapper, resources);
    }

    @Test
    void anEmptyTopologyReceivesTheSampleAsSystemAndExportsItBackUnchanged() {
        // ids, not a count: another test may have purged old entries, so ids no longer start at 1
        long auditBefore = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
        JsonNode exported = new EmptyTopology(transactionManager, jdbc).run(() -> {
            ImportResult result = call(() -> seeder().seedIfEmpty());
            assertThat(result).isEqualTo(new ImportResult(14, 25, 40));
            assertThat(jdbc.queryForList("select distinct actor from audit_entry where id > ?", String.class, auditBefore))
                    .containsExactly("system");
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where id > ? and action = 'host.create'",
                    Long.class, auditBefore)).isEqualTo(14);
            return mapper.valueToTree(TestAccounts.asAdmin(export::export));
        });
        assertThat(exported).isEqualTo(sample());
    }

    @Test
    void theSampleHasWhatTheIssueAsksFor() {
        JsonNode sample = sample();
        assertThat(sample.get("hosts").size()).isGreaterThanOrEqualTo(10);
        assertThat(sample.get("applications").size()).isEqualTo(25);
        assertThat(sample.get("connections").size()).isEqualTo(40);
        Set<String> types = new HashSet<>();
        sample.get("applications").forEach(a -> types.add(a.get("componentType").asString()));
        assertThat(types).hasSizeGreaterThanOrEqualTo(12).contains("Configuration Server", "Configuration Server Proxy",
                "Solution Control Server", "Message Server", "DB Server", "T-Server", "SIP Server", "Stat Server",
                "Interaction Server", "Chat Server", "Universal Contact Server", "E-mail Server",
                "Universal Routing Server", "Orchestration Server");
        Set<String> packs = new HashSet<>();
        Set<String> os = new HashSet<>();
        sample.get("hosts").forEach(h -> {
            os.add(h.get("osType").asString());
            packs.add(h.get("securityPackVersion").isNull() ? "none" : h.get("securityPackVersion").asString());
        });
        assertThat(os).containsExactlyInAnyOrder("WINDOWS", "UNIX");
        assertThat(packs).contains("none", "8.5.0", "8.5.1", "8.5.100.25");
    }

    /** Platform SDK options (reference §8 A3): the sample has no Java component configured through them. */
    private static final Set<SecurityOption> JAVA_ONLY = EnumSet.of(SecurityOption.PROVIDER, SecurityOption.FIPS140_ENABLED,
            SecurityOption.TLS_VERSION, SecurityOption.PROTOCOL_LIST);

    @Test
    void everyKnownOptionIsSetAtEveryLevelWhereGenesysReadsIt() {
        JsonNode sample = sample();
        Map<Level, Set<String>> seen = new EnumMap<>(Level.class);
        sample.get("hosts").forEach(h -> h.get("security").propertyNames().forEach(k -> add(seen, Level.HOST, k)));
        sample.get("applications").forEach(a -> {
            a.get("security").propertyNames().forEach(k -> add(seen, Level.APPLICATION, k));
            a.get("ports").forEach(p -> TransportString.parse(p.get("transport").asString()).asMap().keySet()
                    .forEach(k -> add(seen, Level.PORT, k)));
        });
        sample.get("connections").forEach(c -> TransportString.parse(c.get("transport").asString()).asMap().keySet()
                .forEach(k -> add(seen, Level.CONNECTION, k)));
        for (SecurityOption option : SecurityOption.values()) {
            // the application annex and a host-annex tls (issue 12, reference §8 A1/A2) are read by Genesys but the
            // sample does not use them; PrecedenceTests covers both levels
            for (Level level : EnumSet.complementOf(EnumSet.of(Level.DEFAULT, Level.APPLICATION_ANNEX))) {
                if (option.settableAt(level) && !(option == SecurityOption.TLS && level == Level.HOST)
                        && !JAVA_ONLY.contains(option)) {
                    assertThat(seen.getOrDefault(level, Set.of())).as(option.key() + " at " + level).contains(option.key());
                }
            }
        }
    }

    @Test
    void aTopologyThatHoldsAnythingIsLeftAlone() throws IOException {
        String host = dev.tlsconsole.topology.TopologyApi.unique("demo-guard");
        TestAccounts.asAdmin(() -> importer.importDocument(new TopologyDocument(List.of(
                new dev.tlsconsole.topology.host.HostCommands.NewHost(host, "10.99.0.1", "UNIX", null, Map.of())),
                List.of(), List.of())));
        long hosts = jdbc.queryForObject("select count(*) from host", Long.class);

        assertThat(seeder().seedIfEmpty()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from host", Long.class)).isEqualTo(hosts);
    }

    private JsonNode sample() {
        try (InputStream in = resources.getResource(DemoTopologySeeder.LOCATION).getInputStream()) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void add(Map<Level, Set<String>> seen, Level level, String key) {
        seen.computeIfAbsent(level, l -> new HashSet<>()).add(key);
    }

    private static <T> T call(java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
