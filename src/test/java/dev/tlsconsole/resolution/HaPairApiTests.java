package dev.tlsconsole.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12 item 1 through the REST API (API.md "Effective policy (additions)"): a connection to a server
 * with an HA backup carries a {@code backup} block resolved against the backup (reference §8 E1), the
 * top-level grade is the worse of the two, the connection page shows it, and a preview of a change on the backup's host counts it.
 */
@ConsoleTest
class HaPairApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBackupWithoutCertificateShowsInTheBackupBlockAndInThePreviewOfItsHost() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        String host = TopologyApi.unique("ha-host");
        api.host(host, "{\"trusted-ca\":\"/opt/ca.pem\"}");
        String backupHost = TopologyApi.unique("ha-bak-host");
        api.host(backupHost, "{}");
        String backup = TopologyApi.unique("ha-cfg-bak");
        api.application("{\"name\":\"" + backup + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + backupHost + "\",\"security\":{},\"ports\":[{\"portId\":\"default\",\"number\":2021,"
                + "\"listeningMode\":\"SECURE\",\"transport\":\"tls=1\"}]}");
        String primary = TopologyApi.unique("ha-cfg");
        api.application("{\"name\":\"" + primary + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"backup\":\"" + backup + "\",\"security\":{},\"ports\":[{\"portId\":\"default\","
                + "\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;certificate=/opt/c.pem;certificate-key=/opt/c.key;trusted-ca=/opt/ca.pem\"}]}");
        String client = TopologyApi.unique("ha-stat");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, primary, "default", "tls=1");

        api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[?(@.code == 'SERVER_CERT_MISSING')]").isEmpty())
                .andExpect(jsonPath("$.backup.server.application").value(backup))
                .andExpect(jsonPath("$.backup.server.host").value(backupHost))
                .andExpect(jsonPath("$.backup.server.portNumber").value(2021))
                .andExpect(jsonPath("$.backup.mode").value("SIMPLE_TLS"))
                .andExpect(jsonPath("$.backup.serverSide.tls.value").value("1"))
                .andExpect(jsonPath("$.backup.findings[*].code", hasItem("SERVER_CERT_MISSING")))
                .andExpect(jsonPath("$.backup.grade").value("F"))
                .andExpect(jsonPath("$.grade").value("F"));

        String panel = mvc.perform(get("/policies/connections/{id}", connection).with(user("ha-viewer").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(panel);
        assertThat(page.select("[data-testid=backup-policy]").attr("data-grade")).isEqualTo("F");
        assertThat(page.select("[data-testid=backup-application]").text()).isEqualTo(backup);
        assertThat(page.select("[data-testid=backup-findings] [data-code=SERVER_CERT_MISSING]")).hasSize(1);

        api.asAdmin(post("/api/v1/preview"), "{\"changes\":[{\"target\":{\"type\":\"HOST\",\"name\":\"" + backupHost
                        + "\"},\"set\":{\"certificate\":\"/opt/bak.pem\",\"certificate-key\":\"/opt/bak.key\",\"trusted-ca\":\"/opt/ca.pem\"}}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.impacted").value(1))
                .andExpect(jsonPath("$.changed[0].connectionId").value(connection));
    }

    @Test
    void aConnectionWithoutBackupHasANullBackup() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        String host = TopologyApi.unique("solo-host");
        api.host(host, "{\"trusted-ca\":\"/opt/ca.pem\"}");
        String server = TopologyApi.unique("solo-cfg");
        api.secureServer(server, "Configuration Server", host);
        String client = TopologyApi.unique("solo-stat");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");

        api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.backup").value(nullValue()));
    }
}
