package dev.tlsconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import dev.tlsconsole.support.PostgresConsoleTest;

import tools.jackson.databind.json.JsonMapper;

/** The topology on a real PostgreSQL: CRUD, name rules, conflicts, import and the empty-database round trip. */
@PostgresConsoleTest
class TopologyPostgresTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper mapper;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TopologyReader reader;

    TopologyApi api;

    @BeforeEach
    void api() throws Exception {
        api = new TopologyApi(mvc, jdbc);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void hostsApplicationsAndConnectionsAreCreatedReadUpdatedAndDeleted() throws Exception {
        String host = TopologyApi.unique("pg-host");
        long hostId = api.host(host, "{\"sec-protocol\":\"TLSv12\"}");
        String server = TopologyApi.unique("pg-cs");
        long serverId = api.secureServer(server, "Configuration Server", host);
        String client = TopologyApi.unique("pg-ss");
        long clientId = api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{\"tls\":\"1\",\"tls-mutal\":\"1\"}}");
        long connectionId = api.connection(client, server, "default", "tls=1;");

        api.asAdmin(get("/api/v1/connections/" + connectionId))
                .andExpect(jsonPath("$.transport").value("tls=1"))
                .andExpect(jsonPath("$.clientId").value(clientId))
                .andExpect(jsonPath("$.serverId").value(serverId));
        api.asAdmin(get("/api/v1/applications").param("q", host).param("sort", "host"))
                .andExpect(jsonPath("$.totalElements").value(2));
        api.asAdmin(get("/api/v1/applications/" + clientId))
                .andExpect(jsonPath("$.optionWarnings[0].field").value("security.tls-mutal"));

        String body = api.asAdmin(get("/api/v1/applications/" + serverId)).andReturn().getResponse().getContentAsString();
        api.asAdmin(put("/api/v1/applications/" + serverId), body.replace("\"number\":2020", "\"number\":2120"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ports[0].number").value(2120))
                .andExpect(jsonPath("$.version").value(1));

        api.asAdmin(delete("/api/v1/connections/" + connectionId)).andExpect(status().isNoContent());
        api.asAdmin(delete("/api/v1/hosts/" + hostId).param("cascade", "true")).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("select count(*) from application where host_id = ?", Long.class, hostId)).isZero();
    }

    @Test
    void namesAreUniqueIgnoringCaseAndBadInputWritesNothing() throws Exception {
        String host = TopologyApi.unique("pg-dup");
        api.host(host, "{}");
        TopologyApi.Counts before = api.counts();
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + host.toUpperCase() + "\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("already exists")));
        api.asAdmin(post("/api/v1/applications"), "{\"name\":\"pg-x\",\"componentType\":\"Nope\",\"componentVersion\":\"8\","
                        + "\"host\":\"" + host + "\",\"ports\":[{\"portId\":\"default\",\"number\":1,\"listeningMode\":\"SECURE\","
                        + "\"transport\":\"tls=1 ;\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void staleWritesAndDeletesOfUsedObjectsAre409() throws Exception {
        String host = TopologyApi.unique("pg-conf");
        long hostId = api.host(host, "{}");
        api.secureServer(TopologyApi.unique("pg-conf-cs"), "Configuration Server", host);
        String body = api.asAdmin(get("/api/v1/hosts/" + hostId)).andReturn().getResponse().getContentAsString();
        api.asAdmin(put("/api/v1/hosts/" + hostId), body.replace("\"security\":{}", "\"security\":{\"tls-mutual\":\"1\"}"))
                .andExpect(status().isOk());
        api.asAdmin(put("/api/v1/hosts/" + hostId), body)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.yourVersion").value(0))
                .andExpect(jsonPath("$.currentVersion").value(1));
        TopologyApi.Counts before = api.counts();
        api.asAdmin(delete("/api/v1/hosts/" + hostId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.usedBy[0].type").value("APPLICATION"));
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void importIsAllOrNothingAndTheEmptyDatabaseRoundTripGivesTheSameDocument() throws Exception {
        String p = TopologyApi.unique("pg-imp");
        TopologyApi.Counts before = api.counts();
        String document = """
                {"hosts": [{"name": "%1$s-h", "ipAddress": "fd00::77", "osType": "UNIX", "securityPackVersion": "8.5.100.25",
                            "security": {"certificate": "/opt/genesys/certs/%1$s-h.pem", "sec-protocol": "TLSv13"}}],
                 "applications": [
                   {"name": "%1$s-cs", "componentType": "Configuration Server", "componentVersion": "8.5.101", "host": "%1$s-h",
                    "backup": null, "security": {}, "ports": [{"portId": "default", "number": 2020, "listeningMode": "SECURE",
                    "transport": "tls=1"}, {"portId": "upgrade", "number": 2021, "listeningMode": "AUTO_DETECT", "transport": ""}]},
                   {"name": "%1$s-ss", "componentType": "Stat Server", "componentVersion": "8.5.1", "host": "%1$s-h",
                    "backup": null, "security": {"tls": "1"}, "ports": []}],
                 "connections": [{"client": "%1$s-ss", "server": "%1$s-cs", "portId": "default", "transport": "tls=1"},
                                 {"client": "%1$s-ss", "server": "%1$s-cs", "portId": "upgrade", "transport": ""}]}
                """.formatted(p);
        api.asAdmin(post("/api/v1/topology/import"), document.replace("\"portId\": \"upgrade\", \"transport\"",
                        "\"portId\": \"missing\", \"transport\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("connections[1].portId"));
        assertThat(api.counts()).isEqualTo(before);
        api.asAdmin(post("/api/v1/topology/import"), document).andExpect(status().isOk());

        String exported = api.asAdmin(get("/api/v1/topology/export")).andReturn().getResponse().getContentAsString();
        TopologyApi.Counts full = api.counts();
        String reExported = new EmptyTopology(transactionManager, jdbc).run(() -> {
            try {
                assertThat(reader.readAll().hosts()).isEmpty();
                api.asAdmin(post("/api/v1/topology/import"), exported).andExpect(status().isOk());
                assertThat(reader.readAll().connections()).hasSize((int) full.connections());
                return api.asAdmin(get("/api/v1/topology/export")).andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(mapper.readTree(reExported)).isEqualTo(mapper.readTree(exported));
        assertThat(api.counts()).isEqualTo(full);
    }
}
