package dev.tlsconsole.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/graph} on a small topology made through the API: a secure connection, a client
 * asking for TLS of a plain port (F), a plaintext one, and a server with an HA backup. The F edges are
 * exactly the F rows of the policies list, and every id leads to an API object.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper mapper;

    TopologyApi api;
    final String clientHost = TopologyApi.unique("graph-chost");
    final String serverHost = TopologyApi.unique("graph-shost");
    final String primary = TopologyApi.unique("graph-primary");
    final String backup = TopologyApi.unique("graph-backup");
    final String statserv = TopologyApi.unique("graph-stat");
    final String router = TopologyApi.unique("graph-router");
    long clientHostId;
    long serverHostId;
    long primaryId;
    long backupId;
    long statservId;
    long secure;
    long failing;
    long plain;

    @BeforeAll
    void topology() throws Exception {
        api = new TopologyApi(mvc, jdbc);
        clientHostId = api.host(clientHost, "{}");
        serverHostId = api.host(serverHost, "{}");
        String ports = "\"ports\":[{\"portId\":\"default\",\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":"
                + "\"tls=1;certificate=/opt/certs/s.pem;certificate-key=/opt/certs/s.key;trusted-ca=/opt/certs/ca.pem\"},"
                + "{\"portId\":\"plain\",\"number\":2021,\"listeningMode\":\"UNSECURED\",\"transport\":\"\"}]";
        backupId = api.application("{\"name\":\"" + backup + "\",\"componentType\":\"Configuration Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + serverHost + "\",\"security\":{}," + ports + "}");
        primaryId = api.application("{\"name\":\"" + primary + "\",\"componentType\":\"Configuration Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + serverHost + "\",\"backup\":\"" + backup + "\","
                + "\"security\":{}," + ports + "}");
        statservId = api.application("{\"name\":\"" + statserv + "\",\"componentType\":\"Stat Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + clientHost + "\",\"security\":{\"certificate\":"
                + "\"/opt/certs/c.pem\",\"certificate-key\":\"/opt/certs/c.key\",\"trusted-ca\":\"/opt/certs/ca.pem\"},\"ports\":[]}");
        api.application("{\"name\":\"" + router + "\",\"componentType\":\"Universal Routing Server\","
                + "\"componentVersion\":\"8.1.4\",\"host\":\"" + clientHost + "\",\"security\":{},\"ports\":[]}");
        secure = api.connection(statserv, primary, "default", "tls=1");
        failing = api.connection(statserv, primary, "plain", "tls=1");
        plain = api.connection(router, backup, "plain", "");
    }

    @Test
    void gradeFHoldsExactlyTheConnectionsThePoliciesListShowsForF() throws Exception {
        JsonNode graph = json(get("/api/v1/graph").param("grade", "F"));
        Set<Long> listed = new HashSet<>();
        JsonNode page = json(get("/api/v1/effective-policies").param("grade", "F").param("size", "500"));
        page.get("items").forEach(item -> listed.add(item.get("connectionId").asLong()));

        Set<Long> drawn = new HashSet<>();
        graph.get("edges").forEach(edge -> {
            drawn.add(edge.get("connectionId").asLong());
            assertThat(edge.get("grade").asString()).isEqualTo("F");
        });
        assertThat(drawn).isEqualTo(listed).contains(failing).doesNotContain(secure, plain);
    }

    @Test
    void everyNodeAndEdgeIdLeadsToItsApiObject() throws Exception {
        JsonNode graph = json(get("/api/v1/graph").param("host", serverHost));
        List<String> ids = new ArrayList<>();
        graph.get("nodes").forEach(node -> ids.add(node.get("id").asString()));
        assertThat(ids).contains("host:" + serverHostId, "app:" + primaryId, "app:" + backupId, "app:" + statservId);
        for (JsonNode node : graph.get("nodes")) {
            String[] id = node.get("id").asString().split(":");
            String path = id[0].equals("host") ? "/api/v1/hosts/{id}" : "/api/v1/applications/{id}";
            api.asAdmin(get(path, id[1])).andExpect(status().isOk()).andExpect(jsonPath("$.name").value(node.get("name").asString()));
        }
        for (JsonNode edge : graph.get("edges")) {
            assertThat(edge.get("id").asString()).startsWith("conn:" + edge.get("connectionId").asLong());
            api.asAdmin(get("/api/v1/connections/{id}/effective-policy", edge.get("connectionId").asLong()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.grade").value(edge.get("grade").asString()));
        }
    }

    @Test
    void nodesCarryTheirHostComponentTypeWorstGradeAndBackup() throws Exception {
        JsonNode graph = json(get("/api/v1/graph").param("q", primary));
        JsonNode primaryNode = node(graph, "app:" + primaryId);
        assertThat(primaryNode.get("type").asString()).isEqualTo("APPLICATION");
        assertThat(primaryNode.get("parent").asString()).isEqualTo("host:" + serverHostId);
        assertThat(primaryNode.get("componentType").asString()).isEqualTo("Configuration Server");
        assertThat(primaryNode.get("worstGrade").asString()).isEqualTo("F");
        assertThat(primaryNode.get("backup").asString()).isEqualTo("app:" + backupId);
        JsonNode hostNode = node(graph, "host:" + serverHostId);
        assertThat(hostNode.get("type").asString()).isEqualTo("HOST");
        assertThat(hostNode.get("name").asString()).isEqualTo(serverHost);
        assertThat(hostNode.get("osType").asString()).isEqualTo("UNIX");

        JsonNode secureEdge = edge(graph, "conn:" + secure);
        assertThat(secureEdge.get("source").asString()).isEqualTo("app:" + statservId);
        assertThat(secureEdge.get("target").asString()).isEqualTo("app:" + primaryId);
        assertThat(secureEdge.get("portId").asString()).isEqualTo("default");
        assertThat(secureEdge.get("mode").asString()).isEqualTo("SIMPLE_TLS");
        assertThat(secureEdge.get("protocol").asString()).startsWith("TLSv1");
        assertThat(secureEdge.get("backup").asBoolean()).isFalse();
        JsonNode toBackup = edge(graph, "conn:" + secure + ":backup");
        assertThat(toBackup.get("target").asString()).isEqualTo("app:" + backupId);
        assertThat(toBackup.get("backup").asBoolean()).isTrue();
    }

    @Test
    void filtersByModeComponentTypeAndFocus() throws Exception {
        assertThat(connectionIds(json(get("/api/v1/graph").param("mode", "PLAINTEXT").param("host", clientHost))))
                .containsExactlyInAnyOrder(plain, failing);
        assertThat(connectionIds(json(get("/api/v1/graph").param("componentType", "universal routing server")
                .param("host", serverHost)))).containsExactly(plain);
        assertThat(connectionIds(json(get("/api/v1/graph").param("code", "TLS_NOT_ON_PORT").param("q", statserv))))
                .containsExactly(failing);
        JsonNode focus = json(get("/api/v1/graph").param("focus", router).param("hops", "1"));
        assertThat(connectionIds(focus)).containsExactly(plain);
        assertThat(connectionIds(json(get("/api/v1/graph").param("focus", router).param("hops", "3"))))
                .contains(plain, secure, failing);
    }

    @Test
    void anUnencodedPlusInGradeAPlusStillMeansAPlusInTheGraphAndThePoliciesList() throws Exception {
        // "?grade=A+" written by hand arrives as "A " once the query string is decoded; Spring's conversion to a
        // List trims it to "A", so the controllers read the values as sent
        assertThat(dev.tlsconsole.resolution.PolicyFilter.untrimmed(new String[] {"A ", "B,F"})).containsExactly("A ", "B", "F");
        assertThat(dev.tlsconsole.resolution.PolicyFilter.parse(dev.tlsconsole.resolution.PolicyFilter.untrimmed(
                new String[] {"A "}), null, null, null, null).grades())
                .containsExactly(dev.tlsconsole.policy.effective.Grade.A_PLUS);
        Set<Long> aPlus = connectionIds(json(get("/api/v1/graph").param("grade", "A+").param("q", statserv)));
        assertThat(connectionIds(json(get("/api/v1/graph").param("grade", "A ").param("q", statserv)))).isEqualTo(aPlus);
        assertThat(connectionIds(json(get("/api/v1/graph").param("grade", "A ,F").param("q", statserv))))
                .containsAll(aPlus).contains(failing).doesNotContain(secure);
        Set<Long> listed = new HashSet<>();
        json(get("/api/v1/effective-policies").param("grade", "A ").param("q", statserv)).get("items")
                .forEach(item -> listed.add(item.get("connectionId").asLong()));
        assertThat(listed).isEqualTo(aPlus);
    }

    @Test
    void badFiltersAreA400NamingEachParameter() throws Exception {
        api.asAdmin(get("/api/v1/graph").param("grade", "Z").param("hops", "99").param("mode", "SOMETIMES"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("grade", "mode", "hops")));
        api.asAdmin(get("/api/v1/graph").param("focus", TopologyApi.unique("nobody")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("focus"));
    }

    @Test
    void theCollapsedGraphFoldsTheSameSelectionIntoHostsAndOneLinkPerPairOfHosts() throws Exception {
        String pair = "hosts:" + Math.min(clientHostId, serverHostId) + ":" + Math.max(clientHostId, serverHostId);
        JsonNode all = json(get("/api/v1/graph/hosts").param("host", clientHost));
        // secure and failing reach the primary and its HA backup (two edges each), plain reaches the backup
        assertThat(all.get("connections").asInt()).isEqualTo(3);
        assertThat(all.get("applications").asInt()).isEqualTo(4);
        assertThat(all.get("edges")).hasSize(1);
        JsonNode link = all.get("edges").get(0);
        assertThat(link.get("id").asString()).isEqualTo(pair);
        assertThat(link.get("count").asInt()).isEqualTo(5);
        assertThat(link.get("grade").asString()).isEqualTo("F");
        JsonNode server = node(all, "host:" + serverHostId);
        assertThat(server.get("name").asString()).isEqualTo(serverHost);
        assertThat(server.get("applications").asInt()).isEqualTo(2);
        assertThat(server.get("worstGrade").asString()).isEqualTo("F");

        JsonNode secureOnly = json(get("/api/v1/graph/hosts").param("host", clientHost).param("grade", "A+", "A", "B", "C"));
        assertThat(secureOnly.get("connections").asInt()).isEqualTo(1);
        assertThat(secureOnly.get("edges").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(secureOnly.get("edges").get(0).get("grade").asString()).isNotEqualTo("F");
    }

    @Test
    void hostIdKeepsTheEdgesOfTheHostBeingExpanded() throws Exception {
        JsonNode failingOnly = json(get("/api/v1/graph").param("grade", "F").param("host", clientHost)
                .param("hostId", "host:" + serverHostId));
        assertThat(connectionIds(failingOnly)).containsExactly(failing);
        assertThat(failingOnly.get("edges")).hasSize(2);
        List<String> ids = new ArrayList<>();
        failingOnly.get("nodes").forEach(node -> ids.add(node.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("host:" + clientHostId, "host:" + serverHostId, "app:" + statservId,
                "app:" + primaryId, "app:" + backupId);

        assertThat(connectionIds(json(get("/api/v1/graph").param("host", clientHost).param("hostId", Long.toString(serverHostId)))))
                .containsExactlyInAnyOrder(secure, failing, plain);
        assertThat(json(get("/api/v1/graph").param("host", serverHost).param("hostId", Long.toString(Long.MAX_VALUE))).get("edges"))
                .isEmpty();
        api.asAdmin(get("/api/v1/graph").param("hostId", "cfg-host"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hostId"));
    }

    @Test
    void aPreviewTooLargeForALinkOpensOnTheGraphByPostEachChangeMarkedOnItsPairOfHosts() throws Exception {
        String pair = "hosts:" + Math.min(clientHostId, serverHostId) + ":" + Math.max(clientHostId, serverHostId);
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/graph")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("graph-auditor")
                                .roles("AUDITOR"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("changed", secure + ":A+:F  " + failing + ":F:B\n" + plain + ":-:A"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("[data-testid^=preview-change-]")).hasSize(3);
        org.jsoup.nodes.Element change = page.selectFirst("[data-testid=preview-change-" + secure + "]");
        assertThat(change.attr("data-before")).isEqualTo("A+");
        assertThat(change.attr("data-after")).isEqualTo("F");
        assertThat(change.attr("data-link")).isEqualTo(pair);
    }

    @Test
    void thePoliciesListNamesEachRowsMostSevereFinding() throws Exception {
        String html = api.asAdmin(get("/policies").param("q", statserv).param("grade", "F")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Element cell = org.jsoup.Jsoup.parse(html)
                .selectFirst("[data-testid=policy-row-" + failing + "] [data-testid=policy-top-finding]");
        assertThat(cell).isNotNull();
        assertThat(cell.selectFirst(".font-monospace").text()).isEqualTo("TLS_NOT_ON_PORT");
        assertThat(cell.selectFirst("div").text()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void theAuditSearchMatchesAnyPartOfActorObjectNameAndActionInAnyCase() throws Exception {
        String suffix = TopologyApi.unique("x").replace("-", "");
        api.asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/hosts"),
                "{\"name\":\"Audit-Part-" + suffix + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp() + "\",\"osType\":\"UNIX\",\"security\":{}}")
                .andExpect(status().isCreated());
        api.asAdmin(get("/api/v1/audit").param("objectName", "audit-PART-" + suffix.toUpperCase()).param("action", "OST.CREA")
                        .param("actor", "DMI"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].objectName").value("Audit-Part-" + suffix))
                .andExpect(jsonPath("$.items[0].action").value("host.create"))
                .andExpect(jsonPath("$.items[0].actor").value("admin"));
        api.asAdmin(get("/api/v1/audit").param("objectName", "part-" + suffix + "-not").param("action", "host.create"))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    private JsonNode json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        String body = api.asAdmin(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return mapper.readTree(body);
    }

    private static Set<Long> connectionIds(JsonNode graph) {
        Set<Long> ids = new HashSet<>();
        graph.get("edges").forEach(edge -> ids.add(edge.get("connectionId").asLong()));
        return ids;
    }

    private static JsonNode node(JsonNode graph, String id) {
        for (JsonNode node : graph.get("nodes")) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id + " in " + graph);
    }

    private static JsonNode edge(JsonNode graph, String id) {
        for (JsonNode edge : graph.get("edges")) {
            if (edge.get("id").asString().equals(id)) {
                return edge;
            }
        }
        throw new AssertionError("no edge " + id + " in " + graph);
    }
}
