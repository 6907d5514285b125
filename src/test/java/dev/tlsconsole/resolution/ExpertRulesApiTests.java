package dev.tlsconsole.resolution;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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

/**
 * Expert rules for Java (Platform SDK) clients through the REST API: a Java client on a UNIX host without the
 * Security Pack still does TLS (it runs JSSE; SDG "What You Need", "TLS Implementations in Genesys"), and
 * without a trusted CA it connects encryption-only ([D12]) until the preview gives it one.
 */
@ConsoleTest
class ExpertRulesApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJavaClientWithoutPackOrTrustedCaIsEncryptionOnlyAndATrustedCaMakesItSimpleTls() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        String clientHost = TopologyApi.unique("psdk-nopack");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + clientHost + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp()
                + "\",\"osType\":\"UNIX\",\"security\":{}}").andExpect(status().isCreated());
        String serverHost = TopologyApi.unique("psdk-cfg-host");
        api.host(serverHost, "{}");
        String server = TopologyApi.unique("psdk-cfg");
        api.application("{\"name\":\"" + server + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + serverHost + "\",\"security\":{\"certificate\":\"/opt/genesys/certs/cfg.pem\","
                + "\"certificate-key\":\"/opt/genesys/certs/cfg.key\",\"trusted-ca\":\"/opt/genesys/certs/ca.pem\"},"
                + "\"ports\":[{\"portId\":\"default\",\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1\"}]}");
        String client = TopologyApi.unique("psdk");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Platform SDK\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + clientHost + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");

        api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("ENCRYPTION_ONLY"))
                .andExpect(jsonPath("$.protocol").value("TLSv12"))
                .andExpect(jsonPath("$.grade").value("C"))
                .andExpect(jsonPath("$.findings[*].code", not(hasItem("SECURITY_PACK_MISSING"))))
                .andExpect(jsonPath("$.findings[*].code", not(hasItem("UNTRUSTED_ISSUER"))))
                .andExpect(jsonPath("$.findings[?(@.code == 'ENCRYPTION_ONLY')].severity", contains("WARNING")))
                .andExpect(jsonPath("$.findings[?(@.code == 'ENCRYPTION_ONLY')].fixObject.name", contains(client)));

        api.asAdmin(post("/api/v1/preview"), "{\"changes\":[{\"target\":{\"type\":\"APPLICATION\",\"name\":\"" + client + "\"},"
                        + "\"set\":{\"trusted-ca\":\"/opt/genesys/certs/ca.pem\"}}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed", hasSize(1)))
                .andExpect(jsonPath("$.changed[0].connectionId").value(connection))
                .andExpect(jsonPath("$.changed[0].before.mode").value("ENCRYPTION_ONLY"))
                .andExpect(jsonPath("$.changed[0].after.mode").value("SIMPLE_TLS"))
                .andExpect(jsonPath("$.changed[0].after.findings", not(hasItem("ENCRYPTION_ONLY"))))
                .andExpect(jsonPath("$.changed[0].after.findings", not(empty())));
    }
}
