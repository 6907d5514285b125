package dev.tlsconsole.topology.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.EmptyTopology;
import dev.tlsconsole.topology.TopologyApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /topology/export} and {@code POST /topology/import}: one document, all or nothing, every problem at once. */
@ConsoleTest
class TopologyBulkApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper mapper;
    @Autowired
    PlatformTransactionManager transactionManager;

    TopologyApi api;

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    @Test
    void anImportCreatesEverythingAndReferencesWhatExists() throws Exception {
        String existingHost = TopologyApi.unique("imp-existing");
        api.host(existingHost, "{}");
        String existingServer = TopologyApi.unique("imp-cs");
        api.secureServer(existingServer, "Configuration Server", existingHost);
        String p = TopologyApi.unique("imp");
        long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        String document = """
                {"hosts": [{"name": "%1$s-h1", "ipAddress": "10.77.0.1", "osType": "UNIX", "securityPackVersion": "8.5.1",
                            "security": {"sec-protocol": "TLSv12"}}],
                 "applications": [
                   {"name": "%1$s-scs", "componentType": "SCS", "componentVersion": "8.5.1", "host": "%1$s-h1",
                    "backup": "%1$s-scs-bak", "security": {}, "ports": [{"portId": "default", "number": 7000,
                    "listeningMode": "SECURE", "transport": "tls=1;tls-mutual=1"}]},
                   {"name": "%1$s-scs-bak", "componentType": "Solution Control Server", "componentVersion": "8.5.1",
                    "host": "%2$s", "security": {}, "ports": []}],
                 "connections": [{"client": "%1$s-scs", "server": "%3$s", "portId": "default", "transport": "tls=1"},
                                 {"client": "%1$s-scs-bak", "server": "%1$s-scs", "portId": "default", "transport": ""}]}
                """.formatted(p, existingHost, existingServer);
        JsonNode plan = mapper.readTree(api.asAdmin(post("/api/v1/topology/import"), document)
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(plan.get("dryRun").asBoolean()).as("applied by default, as before dryRun existed").isFalse();
        assertThat(createdOfType(plan, "HOST")).containsExactly(p + "-h1");
        assertThat(createdOfType(plan, "APPLICATION")).containsExactlyInAnyOrder(p + "-scs", p + "-scs-bak");
        assertThat(createdOfType(plan, "CONNECTION")).hasSize(2);
        assertThat(plan.get("update").size()).isZero();
        assertThat(plan.get("delete").size()).isZero();
        api.asAdmin(get("/api/v1/applications").param("q", p + "-scs"))
                .andExpect(jsonPath("$.items[0].name").value(p + "-scs"))
                .andExpect(jsonPath("$.items[0].componentType").value("Solution Control Server"))
                .andExpect(jsonPath("$.items[0].backup").value(p + "-scs-bak"));
        List<String> actions = jdbc.queryForList("select action from audit_entry where id > ? order by id", String.class,
                auditBefore);
        assertThat(actions).containsExactly("host.create", "application.create", "application.create", "connection.create",
                "connection.create", "topology.import");
    }

    @Test
    void aDocumentWithOneBadReferenceWritesNothing() throws Exception {
        String p = TopologyApi.unique("one-bad");
        TopologyApi.Counts before = api.counts();
        long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        api.asAdmin(post("/api/v1/topology/import"), """
                        {"hosts": [{"name": "%1$s-h1", "ipAddress": "10.78.0.1", "osType": "UNIX", "security": {}}],
                         "applications": [
                           {"name": "%1$s-a", "componentType": "Stat Server", "componentVersion": "8.5.1", "host": "%1$s-h1"},
                           {"name": "%1$s-b", "componentType": "Stat Server", "componentVersion": "8.5.1", "host": "%1$s-h2"}],
                         "connections": []}
                        """.formatted(p))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("applications[1].host"))
                .andExpect(jsonPath("$.errors[0].message").value("host '" + p + "-h2' does not exist"));
        assertThat(api.counts()).isEqualTo(before);
        assertThat(jdbc.queryForList("select outcome from audit_entry where id > ?", String.class, auditBefore))
                .containsExactly("FAILURE");
    }

    @Test
    void everyProblemOfTheDocumentIsListedAtOnceByItsPlace() throws Exception {
        String existing = TopologyApi.unique("taken");
        api.host(existing, "{}");
        String p = TopologyApi.unique("many");
        TopologyApi.Counts before = api.counts();
        String answer = api.asAdmin(post("/api/v1/topology/import"), """
                        {"hosts": [{"name": "%1$s-h1", "ipAddress": "10.79.0.999", "osType": "UNIX"},
                                   {"name": "%1$s-H1", "ipAddress": "10.79.0.2", "osType": "UNIX"},
                                   {"name": "%2$s", "ipAddress": "10.79.0.3", "osType": "UNIX"}],
                         "applications": [
                           {"name": "%1$s-a", "componentType": "Frobnicator", "componentVersion": "8.5.1", "host": "%1$s-h1"},
                           {"name": "%1$s-b", "componentType": "Stat Server", "componentVersion": "8.5.1", "host": "%1$s-h1",
                            "backup": "%1$s-c"},
                           {"name": "%1$s-c", "componentType": "Stat Server", "componentVersion": "8.5.1", "host": "%1$s-h1",
                            "backup": "%1$s-b", "ports": [{"portId": "default", "number": 2060, "listeningMode": "SECURE",
                            "transport": "tls=1;;"}]},
                           {"name": "%1$s-a", "componentType": "T-Server", "componentVersion": "8.5.1", "host": "%1$s-h1"}],
                         "connections": [{"client": "%1$s-a", "server": "%1$s-c", "portId": "ESP"},
                                         {"client": "%1$s-zz", "server": "%1$s-c", "portId": "default", "transport": "tls =1"}]}
                        """.formatted(p, existing))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        JsonNode errors = mapper.readTree(answer).get("errors");
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.get("field").asString(), e.get("message").asString(), (a, b) -> a + " | " + b));
        assertThat(byField).containsKeys("hosts[0].ipAddress", "hosts[1].name", "applications[0].componentType",
                "applications[1].backup", "applications[2].backup", "applications[2].ports[0].transport", "applications[3].name",
                "connections[0].portId", "connections[1].client", "connections[1].transport");
        assertThat(byField.get("hosts[1].name")).contains("appears twice in the document");
        assertThat(byField).as("an existing host is updated, not refused").doesNotContainKey("hosts[2].name");
        assertThat(byField.get("applications[1].backup")).contains("must not form a cycle");
        assertThat(byField.get("applications[2].ports[0].transport")).contains("position 6");
        assertThat(byField.get("connections[1].transport")).contains("position 3: space before '='");
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void theExportListsObjectsByNameWithoutIdsInCanonicalOrder() throws Exception {
        String p = TopologyApi.unique("exp");
        api.host(p + "-b", "{\"tls-crl\":\"/opt/genesys/crl/ca.crl\",\"certificate\":\"/opt/genesys/certs/b.pem\"}");
        api.host(p + "-A", "{}");
        String answer = api.asAdmin(get("/api/v1/topology/export")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode document = mapper.readTree(answer);
        assertThat(document.propertyNames()).containsExactly("hosts", "applications", "connections");
        List<String> names = new java.util.ArrayList<>();
        document.get("hosts").forEach(h -> names.add(h.get("name").asString()));
        assertThat(names).containsSubsequence(p + "-A", p + "-b");
        JsonNode host = document.get("hosts").get(names.indexOf(p + "-b"));
        assertThat(host.propertyNames()).containsExactly("name", "ipAddress", "osType", "securityPackVersion", "security");
        assertThat(host.get("security").propertyNames()).containsExactly("certificate", "tls-crl");
    }

    @Test
    void exportThenImportIntoAnEmptyTopologyThenExportGivesTheSameDocument() throws Exception {
        String p = TopologyApi.unique("round");
        api.host(p + "-h", "{\"sec-protocol\":\"TLSv12\",\"tls-mutal\":\"1\"}");
        String server = p + "-cs";
        api.secureServer(server, "Configuration Server", p + "-h");
        api.application("{\"name\":\"" + p + "-ss\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\",\"host\":\""
                + p + "-h\",\"security\":{\"tls\":\"1\"}}");
        api.connection(p + "-ss", server, "default", "tls=1;sip.transport.0=transport0 tls:any:5061");
        String exported = api.asAdmin(get("/api/v1/topology/export")).andReturn().getResponse().getContentAsString();
        TopologyApi.Counts full = api.counts();

        String reExported = new EmptyTopology(transactionManager, jdbc).run(() -> {
            try {
                assertThat(api.counts().hosts()).isZero();
                JsonNode plan = mapper.readTree(api.asAdmin(post("/api/v1/topology/import"), exported)
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
                assertThat(createdOfType(plan, "HOST")).hasSize((int) full.hosts());
                assertThat(api.counts()).isEqualTo(full);
                return api.asAdmin(get("/api/v1/topology/export")).andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(mapper.readTree(reExported)).isEqualTo(mapper.readTree(exported));
        assertThat(reExported).contains(p + "-cs").contains("transport0 tls:any:5061");
        assertThat(api.counts()).as("the empty topology was a rolled-back transaction").isEqualTo(full);
    }

    @Test
    void anUnreadableDocumentIsExplained() throws Exception {
        api.asAdmin(post("/api/v1/topology/import"), "{\"hosts\": [{\"nam\": \"x\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Unknown field 'hosts[0].nam'")));
        api.asAdmin(post("/api/v1/topology/import"), "{\"hosts\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
    }

    @Test
    void aDryRunChangesNothingAndReportsThePlan() throws Exception {
        Estate estate = estate();
        TopologyApi.Counts before = api.counts();
        long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        String newHost = estate.prefix + "-new";
        String changed = estate.document(true).replace("\"hosts\": [", "\"hosts\": [{\"name\": \"" + newHost
                + "\", \"ipAddress\": \"" + TopologyApi.uniqueIp() + "\", \"osType\": \"UNIX\", \"security\": {}}, ");

        JsonNode dry = mapper.readTree(api.asAdmin(post("/api/v1/topology/import").param("dryRun", "true"), changed)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(api.counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select max(id) from audit_entry", Long.class)).isEqualTo(auditBefore);
        assertThat(optionsOf(estate.server)).containsExactly("sec-protocol=TLSv12");
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("create").toString()).isEqualTo("[{\"type\":\"HOST\",\"name\":\"" + newHost + "\"}]");
        assertThat(dry.get("update").toString()).isEqualTo("[{\"type\":\"APPLICATION\",\"name\":\"" + estate.server
                + "\",\"level\":\"APPLICATION\",\"set\":{\"tls-mutual\":\"1\"},\"unset\":[]}]");
        assertThat(dry.get("delete").size()).isZero();
        assertThat(dry.get("unchanged").asInt()).as("the host, the client and the connection").isEqualTo(3);
    }

    @Test
    void anApplyOfAChangedDocumentUpdatesExactlyOneKeyWithTheImpactThePlanShowed() throws Exception {
        Estate estate = estate();
        TopologyApi.Counts before = api.counts();
        long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        String changed = estate.document(true);

        JsonNode dry = mapper.readTree(api.asAdmin(post("/api/v1/topology/import").param("dryRun", "true"), changed)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode impact = dry.get("impact");
        assertThat(impact.get("impacted").asInt()).isEqualTo(1);
        assertThat(impact.get("changed").size()).isEqualTo(1);
        JsonNode change = impact.get("changed").get(0);
        assertThat(change.get("connectionId").asLong()).isEqualTo(estate.connection());
        assertThat(change.get("before").get("mode").asString()).isNotEqualTo("MUTUAL_TLS");
        assertThat(change.get("after").get("mode").asString()).isEqualTo("MUTUAL_TLS");

        JsonNode applied = mapper.readTree(api.asAdmin(post("/api/v1/topology/import"), changed)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(applied.get("dryRun").asBoolean()).isFalse();
        assertThat(applied.get("update")).isEqualTo(dry.get("update"));
        assertThat(applied.get("update").size()).isEqualTo(1);
        assertThat(applied.get("impact")).isEqualTo(impact);
        assertThat(optionsOf(estate.server)).containsExactly("sec-protocol=TLSv12", "tls-mutual=1");
        assertThat(api.counts().hosts()).isEqualTo(before.hosts());
        assertThat(api.counts().applications()).isEqualTo(before.applications());
        assertThat(api.counts().connections()).isEqualTo(before.connections());
        assertThat(jdbc.queryForList("select action from audit_entry where id > ? order by id", String.class, auditBefore))
                .containsExactly("application.update", "topology.import");
        assertThat(mapper.readTree(api.asAdmin(get("/api/v1/connections/" + estate.connection() + "/effective-policy"))
                .andReturn().getResponse().getContentAsString()).get("mode").asString()).isEqualTo("MUTUAL_TLS");

        JsonNode again = mapper.readTree(api.asAdmin(post("/api/v1/topology/import"), changed)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(again.get("update").size()).as("the same document twice changes nothing the second time").isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
    }

    @Test
    void pruneDeletesWhatTheDocumentLacksOnlyWhenAsked() throws Exception {
        String p = TopologyApi.unique("prune");
        String extra = p + "-extra";
        new EmptyTopology(transactionManager, jdbc).run(() -> {
            try {
                Estate estate = new Estate(p);
                String full = estate.document(false).replace("\"connections\": [", "\"connections\": [{\"client\": \""
                        + extra + "\", \"server\": \"" + estate.server + "\", \"portId\": \"default\", \"transport\": \"tls=1\"}, ")
                        .replace("\"applications\": [", "\"applications\": [{\"name\": \"" + extra
                                + "\", \"componentType\": \"Stat Server\", \"componentVersion\": \"8.5.1\", \"host\": \""
                                + estate.host + "\", \"security\": {}, \"ports\": []}, ");
                api.asAdmin(post("/api/v1/topology/import"), full).andExpect(status().isOk());
                TopologyApi.Counts withExtra = api.counts();
                assertThat(withExtra.applications()).isEqualTo(3);
                assertThat(withExtra.connections()).isEqualTo(2);

                JsonNode kept = mapper.readTree(api.asAdmin(post("/api/v1/topology/import"), estate.document(false))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
                assertThat(kept.get("delete").size()).isZero();
                assertThat(api.counts()).isEqualTo(withExtra);

                long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
                JsonNode pruned = mapper.readTree(api.asAdmin(post("/api/v1/topology/import").param("prune", "true"),
                        estate.document(false)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
                // a dry run here would only join this test's transaction: its own rollback is tested above
                assertThat(pruned.get("delete").toString()).isEqualTo("[{\"type\":\"CONNECTION\",\"name\":\"" + extra + " → "
                        + estate.server + ":default\"},{\"type\":\"APPLICATION\",\"name\":\"" + extra + "\"}]");
                assertThat(api.counts().applications()).isEqualTo(2);
                assertThat(api.counts().connections()).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from application where name = ?", Long.class, extra)).isZero();
                assertThat(jdbc.queryForList("select action from audit_entry where id > ? order by id", String.class,
                        auditBefore)).containsExactlyInAnyOrder("connection.delete", "application.delete", "topology.import");
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aBadDocumentThatAlsoChangesExistingObjectsWritesNothing() throws Exception {
        Estate estate = estate();
        TopologyApi.Counts before = api.counts();
        long auditBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        String bad = estate.document(true).replace("\"host\": \"" + estate.host + "\", \"security\": {}",
                "\"host\": \"" + estate.prefix + "-nowhere\", \"security\": {}");
        api.asAdmin(post("/api/v1/topology/import"), bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("applications[1].host"));
        assertThat(api.counts()).isEqualTo(before);
        assertThat(optionsOf(estate.server)).containsExactly("sec-protocol=TLSv12");
        assertThat(jdbc.queryForList("select outcome from audit_entry where id > ?", String.class, auditBefore))
                .containsExactly("FAILURE");
    }

    /** A host with a certificate, a Configuration Server with a secure port, a Stat Server connected to it with TLS. */
    private Estate estate() throws Exception {
        Estate estate = new Estate(TopologyApi.unique("ups"));
        api.asAdmin(post("/api/v1/topology/import"), estate.document(false)).andExpect(status().isOk());
        return estate;
    }

    private final class Estate {

        final String prefix;
        final String host;
        final String server;
        final String client;
        final String ip = TopologyApi.uniqueIp();

        Estate(String prefix) {
            this.prefix = prefix;
            this.host = prefix + "-h";
            this.server = prefix + "-cs";
            this.client = prefix + "-ss";
        }

        /** The estate's document; {@code mutual} adds {@code tls-mutual=1} to the server's options. */
        String document(boolean mutual) {
            return """
                    {"hosts": [{"name": "%1$s", "ipAddress": "%5$s", "osType": "UNIX",
                                "security": {"certificate": "/opt/genesys/certs/%1$s.pem",
                                             "certificate-key": "/opt/genesys/certs/%1$s.key",
                                             "trusted-ca": "/opt/genesys/certs/ca.pem"}}],
                     "applications": [
                       {"name": "%2$s", "componentType": "Configuration Server", "componentVersion": "8.5.1", "host": "%1$s",
                        "security": {"sec-protocol": "TLSv12"%4$s}, "ports": [{"portId": "default", "number": 2020,
                        "listeningMode": "SECURE", "transport": "tls=1"}]},
                       {"name": "%3$s", "componentType": "Stat Server", "componentVersion": "8.5.1", "host": "%1$s", "security": {}, "ports": []}],
                     "connections": [{"client": "%3$s", "server": "%2$s", "portId": "default", "transport": "tls=1"}]}
                    """.formatted(host, server, client, mutual ? ", \"tls-mutual\": \"1\"" : "", ip);
        }

        long connection() {
            return jdbc.queryForObject("select c.id from connection c join application a on a.id = c.client_id where a.name = ?",
                    Long.class, client);
        }
    }

    private List<String> optionsOf(String application) {
        return jdbc.queryForList("select option_key || '=' || option_value from application_option o join application a"
                + " on a.id = o.application_id where a.name = ? order by option_key", String.class, application);
    }

    private static List<String> createdOfType(JsonNode plan, String type) {
        List<String> names = new java.util.ArrayList<>();
        plan.get("create").forEach(c -> {
            if (c.get("type").asString().equals(type)) {
                names.add(c.get("name").asString());
            }
        });
        return names;
    }
}
