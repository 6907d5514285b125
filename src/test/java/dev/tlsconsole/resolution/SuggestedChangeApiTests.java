package dev.tlsconsole.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 12 items 6, 7 and 8 through the REST API: the new cipher and Platform SDK block findings appear in the
 * effective policy with a {@code suggestedChange}, and that change, posted as it is to {@code POST /preview},
 * clears the finding (GENESYS-TLS-REFERENCE.md §8 F1 and A3).
 */
@ConsoleTest
class SuggestedChangeApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everySuggestedChangeOfAConnectionClearsItsFindingInAPreview() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        String serverHost = TopologyApi.unique("ciph-cfg-host");
        api.host(serverHost, "{}");
        String server = TopologyApi.unique("ciph-cfg");
        api.application("{\"name\":\"" + server + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + serverHost + "\",\"security\":{},\"ports\":[{\"portId\":\"default\",\"number\":2020,"
                + "\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;certificate=/opt/c.pem;certificate-key=/opt/c.key;"
                + "trusted-ca=/opt/ca.pem;sec-protocol=TLSv12;cipher-list=ECDHE-RSA-AES256-GCM-SHA384:RC4-SHA\"}]}");
        String clientHost = TopologyApi.unique("ciph-ucs-host");
        api.host(clientHost, "{\"fips140-enabled\":\"true\"}");
        String client = TopologyApi.unique("ciph-ucs");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Universal Contact Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + clientHost + "\",\"security\":{\"trusted-ca\":\"/opt/ca.pem\",\"sec-protocol\":\"TLSv12\","
                + "\"cipher-list\":\"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\"},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");

        JsonNode policy = JSON.readTree(api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> codes = new ArrayList<>();
        policy.get("findings").forEach(finding -> codes.add(finding.get("code").asString()));
        assertThat(codes).contains("NO_COMMON_CIPHER", "WEAK_CIPHER", "PSDK_BLOCK_SPLIT");

        int tried = 0;
        for (JsonNode finding : policy.get("findings")) {
            JsonNode change = finding.get("suggestedChange");
            String code = finding.get("code").asString();
            if (change == null || change.isNull()) {
                continue;
            }
            assertThat(change.get("level").asString()).isEqualTo(finding.get("fixAt").asString());
            assertThat(change.get("id").asLong()).isEqualTo(finding.get("fixObject").get("id").asLong());
            ObjectNode item = JSON.createObjectNode();
            item.set("target", change.get("target"));
            item.set("set", change.get("set"));
            item.set("unset", change.get("unset"));
            ObjectNode body = JSON.createObjectNode();
            body.putArray("changes").add(item);
            JsonNode preview = JSON.readTree(api.asAdmin(post("/api/v1/preview"), JSON.writeValueAsString(body))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            JsonNode mine = null;
            for (JsonNode changed : preview.get("changed")) {
                if (changed.get("connectionId").asLong() == connection) {
                    mine = changed;
                }
            }
            assertThat(mine).as("%s: the preview of %s changes the connection", code, change).isNotNull();
            assertThat(count(mine.get("after").get("findings"), code)).as("%s after %s", code, change)
                    .isLessThan(count(mine.get("before").get("findings"), code));
            tried++;
        }
        assertThat(tried).isGreaterThanOrEqualTo(3);
    }

    private static long count(JsonNode codes, String code) {
        long n = 0;
        for (JsonNode c : codes) {
            n += c.asString().equals(code) ? 1 : 0;
        }
        return n;
    }
}
