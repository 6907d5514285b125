package dev.tlsconsole.resolution;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/**
 * Issue 12 through the REST API: each engine correction of GENESYS-TLS-REFERENCE.md §8 seen as an API
 * client sees it (the engine-level tests name the sources; these check the contract of API.md).
 */
@ConsoleTest
class EngineCorrectionsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    TopologyApi api;

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    /** §8 A1: the application annex is stored, returned, editable with PUT and resolved between options and host. */
    @Test
    void theApplicationAnnexIsALevelBetweenTheApplicationOptionsAndTheHostAnnex() throws Exception {
        String host = TopologyApi.unique("annex-host");
        api.host(host, "{\"sec-protocol\":\"TLSv12\",\"trusted-ca\":\"/opt/host/ca.pem\"}");
        String server = TopologyApi.unique("annex-cfg");
        long serverId = api.application("{\"name\":\"" + server + "\",\"componentType\":\"Configuration Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + host + "\",\"security\":{},"
                + "\"annex\":{\"tls-mutual\":\"0\",\"certificate\":\"/opt/annex/cfg.pem\"},"
                + "\"ports\":[{\"portId\":\"default\",\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1\"}]}");
        String body = api.asAdmin(get("/api/v1/applications/{id}", serverId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.annex['tls-mutual']").value("0"))
                .andExpect(jsonPath("$.annex.certificate").value("/opt/annex/cfg.pem"))
                .andReturn().getResponse().getContentAsString();
        String client = TopologyApi.unique("annex-stat");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");

        api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serverSide.certificate.value").value("/opt/annex/cfg.pem"))
                .andExpect(jsonPath("$.serverSide.certificate.level").value("APPLICATION_ANNEX"))
                .andExpect(jsonPath("$.serverSide.certificate.source").value(server))
                // the certificate block comes whole from the annex: the host's trusted-ca is not mixed in
                .andExpect(jsonPath("$.serverSide['trusted-ca'].level").value("APPLICATION_ANNEX"))
                .andExpect(jsonPath("$.serverSide['trusted-ca'].value").value(""))
                .andExpect(jsonPath("$.serverSide['sec-protocol'].level").value("HOST"));

        api.asAdmin(put("/api/v1/applications/{id}", serverId), body.replace("\"tls-mutual\":\"0\"", "\"tls-mutual\":\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.annex['tls-mutual']").value("1"));
        api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andExpect(jsonPath("$.mode").value("MUTUAL_TLS"))
                .andExpect(jsonPath("$.serverSide['tls-mutual'].level").value("APPLICATION_ANNEX"));

        api.asAdmin(put("/api/v1/applications/{id}", serverId), body.replace("\"tls-mutual\":\"0\"", "\"tls-mutual\":\"yes\"").replace("\"version\":0", "\"version\":1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("annex.tls-mutual"));
    }

    /** §8 B1: a revoked certificate the client does not check is a warning (API: see AssignmentApiTests); §8 C2 and C6 here. */
    @Test
    void anOldPackServerAndAn851ClientNegotiateTls11AndWindowsVersionsCapTheProtocol() throws Exception {
        String oldHost = TopologyApi.unique("old-pack");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + oldHost + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp()
                + "\",\"osType\":\"UNIX\",\"securityPackVersion\":\"8.5.0\",\"security\":{}}").andExpect(status().isCreated());
        String clientHost = TopologyApi.unique("pack-851");
        api.host(clientHost, "{\"trusted-ca\":\"/opt/ca.pem\"}");
        String server = TopologyApi.unique("db-old");
        api.application("{\"name\":\"" + server + "\",\"componentType\":\"DB Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + oldHost + "\",\"security\":{},\"ports\":[{\"portId\":\"default\",\"number\":4040,"
                + "\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;certificate=/opt/c.pem;certificate-key=/opt/c.key;trusted-ca=/opt/ca.pem\"}]}");
        String client = TopologyApi.unique("cfg-851");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + clientHost + "\",\"security\":{},\"ports\":[]}");
        long connection = api.connection(client, server, "default", "tls=1");

        api.asAdmin(get("/api/v1/connections/{id}/effective-policy", connection))
                .andExpect(jsonPath("$.protocol").value("TLSv11"))
                .andExpect(jsonPath("$.findings[?(@.code == 'PROTOCOL_OBSOLETE')].fixAt").value(org.hamcrest.Matchers.contains("HOST")))
                .andExpect(jsonPath("$.findings[?(@.code == 'PROTOCOL_MISMATCH')]").isEmpty());

        String winHost = TopologyApi.unique("win-2019");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + winHost + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp()
                + "\",\"osType\":\"WINDOWS\",\"osVersion\":\"Windows Server 2019\",\"security\":{}}").andExpect(status().isCreated());
        String winServer = TopologyApi.unique("stat-win");
        api.application("{\"name\":\"" + winServer + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + winHost + "\",\"security\":{},\"ports\":[{\"portId\":\"default\",\"number\":4041,"
                + "\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;certificate=" + "ab".repeat(20) + "\"}]}");
        String modernHost = TopologyApi.unique("modern");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + modernHost + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp()
                + "\",\"osType\":\"UNIX\",\"securityPackVersion\":\"8.5.100.25\",\"security\":{\"trusted-ca\":\"/opt/ca.pem\"}}")
                .andExpect(status().isCreated());
        String modernClient = TopologyApi.unique("ors-modern");
        api.application("{\"name\":\"" + modernClient + "\",\"componentType\":\"Orchestration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + modernHost + "\",\"security\":{},\"ports\":[]}");
        long toWindows = api.connection(modernClient, winServer, "default", "tls=1");
        api.asAdmin(get("/api/v1/connections/{id}/effective-policy", toWindows))
                .andExpect(jsonPath("$.protocol").value("TLSv12"));
    }

    /** The annex has its own tab of the application's options editor, saved like the options section. */
    @Test
    void theAnnexTabEditsTheAnnex() throws Exception {
        String host = TopologyApi.unique("annex-ui-host");
        api.host(host, "{}");
        String name = TopologyApi.unique("annex-ui");
        long id = api.application("{\"name\":\"" + name + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{\"tls-mutual\":\"1\"},\"ports\":[]}");
        mvc.perform(get("/applications/{id}", id).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"application-annex-tab\"")));
        mvc.perform(get("/applications/{id}/annex", id).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-level=\"APPLICATION_ANNEX\"")));
        mvc.perform(post("/applications/{id}/annex", id).with(user("admin").roles("ADMIN")).with(csrf())
                        .param("version", "0").param("rows[0].key", "sec-protocol").param("rows[0].value", "TLSv12"))
                .andExpect(redirectedUrl("/applications/" + id + "/annex#options"));
        api.asAdmin(get("/api/v1/applications/{id}", id))
                .andExpect(jsonPath("$.annex['sec-protocol']").value("TLSv12"))
                .andExpect(jsonPath("$.security['tls-mutual']").value("1"));
    }

    /** §8 C6: a host records its OS version (free text), returned as osVersion; blank means unknown. */
    @Test
    void aHostKeepsItsOsVersion() throws Exception {
        String name = TopologyApi.unique("win-host");
        String body = api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + name + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp()
                        + "\",\"osType\":\"WINDOWS\",\"osVersion\":\" Windows Server 2019 \",\"security\":{}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.osVersion").value("Windows Server 2019"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        api.asAdmin(put("/api/v1/hosts/{id}", id), body.replace("Windows Server 2019", "Windows Server 2022"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.osVersion").value("Windows Server 2022"));
        api.asAdmin(put("/api/v1/hosts/{id}", id), body.replace("Windows Server 2019", "x".repeat(101)).replace("\"version\":0", "\"version\":1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("osVersion"));
    }

    /** §8 A2 (PSDKC step 4): tls, like every option, may be set in a host annex: accepted, not a 400. */
    @Test
    void aHostAnnexAcceptsTls() throws Exception {
        String name = TopologyApi.unique("tls-host");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + name + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp()
                        + "\",\"osType\":\"UNIX\",\"securityPackVersion\":\"8.5.1\",\"security\":{\"tls\":\"1\",\"tls-target-name-check\":\"host\"}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.security.tls").value("1"));
    }
}
