package dev.tlsconsole.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code prune=true} and upsert through the set-based writes: the dry run of a prune changes nothing (rows and
 * audit trail) and lists exactly the deletions the apply then makes, each with its audit entry; an upsert that
 * changes one port's transport and a host's annex writes exactly those, one audit entry per object with its
 * before and after state, and refuses (changing nothing) a stale version.
 */
@ConsoleTest
class ImportPruneTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper mapper;

    TopologyApi api;

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    @Test
    void aPruneDryRunChangesNothingAndListsExactlyTheDeletionsTheApplyMakes() throws Exception {
        Estate estate = estate();
        // the whole topology as it is, minus what is to go: a prune deletes exactly that
        ObjectNode document = export();
        remove(document, "hosts", h -> h.get("name").asString().equals(estate.host));
        remove(document, "applications", a -> List.of(estate.server, estate.client).contains(a.get("name").asString()));
        remove(document, "connections", c -> c.get("client").asString().equals(estate.client));
        TopologyApi.Counts before = api.counts();
        long auditBefore = lastAudit();

        JsonNode dry = importing(document, true);
        assertThat(api.counts()).isEqualTo(before);
        assertThat(lastAudit()).isEqualTo(auditBefore);
        assertThat(dry.get("create").size()).isZero();
        assertThat(names(dry.get("delete"))).containsExactlyInAnyOrder(
                "CONNECTION " + estate.client + " → " + estate.server + ":default", "APPLICATION " + estate.server,
                "APPLICATION " + estate.client, "HOST " + estate.host);

        JsonNode applied = importing(document, false);
        assertThat(applied.get("delete")).isEqualTo(dry.get("delete"));
        TopologyApi.Counts after = api.counts();
        assertThat(after.hosts()).isEqualTo(before.hosts() - 1);
        assertThat(after.applications()).isEqualTo(before.applications() - 2);
        assertThat(after.ports()).isEqualTo(before.ports() - 1);
        assertThat(after.connections()).isEqualTo(before.connections() - 1);
        assertThat(jdbc.queryForObject("select count(*) from host where name = ?", Long.class, estate.host)).isZero();
        List<Map<String, Object>> entries = jdbc.queryForList("select action, object_name, before_state, after_state"
                + " from audit_entry where id > ? order by id", auditBefore);
        assertThat(entries).extracting(e -> e.get("action") + " " + e.get("object_name")).containsExactlyInAnyOrder(
                "connection.delete " + estate.client + " → " + estate.server + ":default",
                "application.delete " + estate.server, "application.delete " + estate.client,
                "host.delete " + estate.host, "topology.import null");
        assertThat(entries).filteredOn(e -> "host.delete".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("before_state")).contains(estate.host, "8.5.1"));
        assertThat(entries).filteredOn(e -> "application.delete".equals(e.get("action")))
                .allSatisfy(e -> assertThat(e.get("after_state")).isNull());
    }

    @Test
    void anUpsertWritesExactlyWhatChangedWithOneAuditEntryPerObject() throws Exception {
        Estate estate = estate();
        ObjectNode document = export();
        ObjectNode host = find(document, "hosts", estate.host);
        ((ObjectNode) host.get("security")).put("sec-protocol", "TLSv13");
        ObjectNode server = find(document, "applications", estate.server);
        ((ObjectNode) server.get("ports").get(0)).put("transport", "tls=1;certificate=/opt/genesys/certs/new.pem");
        long auditBefore = lastAudit();
        TopologyApi.Counts before = api.counts();

        JsonNode applied = importing(document, false);

        assertThat(names(applied.get("update"))).containsExactlyInAnyOrder("HOST " + estate.host, "PORT " + estate.server
                + ":default");
        assertThat(api.counts()).isEqualTo(new TopologyApi.Counts(before.hosts(), before.hostOptions() + 1,
                before.applications(), before.applicationOptions(), before.ports(), before.connections()));
        assertThat(jdbc.queryForObject("select option_value from host_option o join host h on h.id = o.host_id"
                + " where h.name = ? and option_key = 'sec-protocol'", String.class, estate.host)).isEqualTo("TLSv13");
        assertThat(jdbc.queryForObject("select p.transport from listening_port p join application a on a.id = p.application_id"
                + " where a.name = ?", String.class, estate.server)).contains("new.pem");
        // the port kept its row: the connection to it is still there
        assertThat(jdbc.queryForObject("select count(*) from connection where id = ?", Long.class, estate.connection)).isOne();
        List<Map<String, Object>> entries = jdbc.queryForList("select action, object_name, before_state, after_state"
                + " from audit_entry where id > ? order by id", auditBefore);
        assertThat(entries).extracting(e -> e.get("action") + " " + e.get("object_name")).containsExactly(
                "host.update " + estate.host, "application.update " + estate.server, "topology.import null");
        assertThat((String) entries.get(0).get("before_state")).doesNotContain("TLSv13");
        assertThat((String) entries.get(0).get("after_state")).contains("\"sec-protocol\":\"TLSv13\"");
        assertThat((String) entries.get(1).get("after_state")).contains("new.pem");

        // the same document again: nothing to do, nothing written
        long auditAgain = lastAudit();
        JsonNode again = importing(document, false);
        assertThat(again.get("update").size()).isZero();
        assertThat(jdbc.queryForList("select action from audit_entry where id > ?", String.class, auditAgain))
                .containsExactly("topology.import");
    }

    private JsonNode importing(JsonNode document, boolean dryRun) throws Exception {
        return mapper.readTree(api.asAdmin(post("/api/v1/topology/import").param("dryRun", String.valueOf(dryRun))
                .param("prune", "true"), mapper.writeValueAsString(document)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private ObjectNode export() throws Exception {
        return (ObjectNode) mapper.readTree(api.asAdmin(get("/api/v1/topology/export")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static void remove(ObjectNode document, String kind, java.util.function.Predicate<JsonNode> gone) {
        ArrayNode kept = document.arrayNode();
        document.get(kind).forEach(node -> {
            if (!gone.test(node)) {
                kept.add(node);
            }
        });
        document.set(kind, kept);
    }

    private static ObjectNode find(ObjectNode document, String kind, String name) {
        for (JsonNode node : document.get(kind)) {
            if (node.get("name").asString().equals(name)) {
                return (ObjectNode) node;
            }
        }
        throw new IllegalStateException(name + " is not in the export");
    }

    private static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.get("type").asString() + " " + e.get("name").asString()));
        return names;
    }

    private long lastAudit() {
        return jdbc.queryForObject("select max(id) from audit_entry", Long.class);
    }

    /** A host running a server with one secure port and a client connected to it. */
    private Estate estate() throws Exception {
        String host = TopologyApi.unique("prune-host");
        api.host(host, "{\"trusted-ca\":\"/opt/genesys/certs/ca.pem\"}");
        String server = TopologyApi.unique("prune-cs");
        api.secureServer(server, "Configuration Server", host);
        String client = TopologyApi.unique("prune-stat");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");
        return new Estate(host, server, client, connection);
    }

    record Estate(String host, String server, String client, long connection) {
    }
}
