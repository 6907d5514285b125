package dev.tlsconsole.resolution;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 12 item 3 through the REST API: tls-target-name needs the client's Security Pack 8.5.100.23 (reference §8 D2). */
@ConsoleTest
class ClientPackApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tlsTargetNameOnAClientWithAnOlderPackIsReportedAtTheClientsHost() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        String clientHost = TopologyApi.unique("pack-22");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + clientHost + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp()
                + "\",\"osType\":\"UNIX\",\"securityPackVersion\":\"8.5.100.22\",\"security\":{\"trusted-ca\":\"/opt/ca.pem\","
                + "\"tls-target-name-check\":\"host\",\"tls-target-name\":\"cfg.example.com\"}}").andExpect(status().isCreated());
        String serverHost = TopologyApi.unique("tn-cfg-host");
        api.host(serverHost, "{}");
        String server = TopologyApi.unique("tn-cfg");
        api.secureServer(server, "Configuration Server", serverHost);
        String client = TopologyApi.unique("tn-stat");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + clientHost + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");

        api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[?(@.code == 'TARGET_NAME_NEEDS_PACK')].fixObject.name", contains(clientHost)))
                .andExpect(jsonPath("$.findings[?(@.code == 'TARGET_NAME_NEEDS_PACK')].severity", contains("WARNING")));
    }
}
