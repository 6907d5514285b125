package dev.tlsconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.support.ConsoleTest;

/** {@code /api/v1/applications}: ports, backups, options, every kind of bad input, conflicts and deletes. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    TopologyApi api;
    String host;
    String windowsHost;
    String confserv;

    @BeforeAll
    void hosts() throws Exception {
        api = new TopologyApi(mvc, jdbc);
        host = TopologyApi.unique("app-host");
        api.host(host, "{}");
        windowsHost = TopologyApi.unique("app-win");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + windowsHost + "\",\"ipAddress\":\"" + TopologyApi.uniqueIp()
                + "\",\"osType\":\"WINDOWS\"}").andExpect(status().isCreated());
        confserv = TopologyApi.unique("app-cs");
        api.secureServer(confserv, "Configuration Server", host);
    }

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    @Test
    void createReturnsTheApplicationWithItsPortsAsApiMdShowsIt() throws Exception {
        String name = TopologyApi.unique("confserv");
        String backup = TopologyApi.unique("confserv-bak");
        api.secureServer(backup, "Configuration Server", host);
        api.asAdmin(post("/api/v1/applications"), "{\"name\":\"" + name + "\",\"componentType\":\"config server\","
                        + "\"componentVersion\":\"8.5.1\",\"host\":\"" + host.toUpperCase() + "\",\"backup\":\"" + backup + "\","
                        + "\"security\":{\"tls-mutual\":\"1\"},\"ports\":[{\"portId\":\"default\",\"number\":2020,"
                        + "\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;certificate=/opt/certs/cfg.pem;"
                        + "certificate-key=/opt/certs/cfg.key;trusted-ca=/opt/certs/ca.pem;\"},"
                        + "{\"portId\":\"upgrade\",\"number\":2021,\"listeningMode\":\"auto_detect\",\"transport\":\"\"}]}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/applications/\\d+")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.componentType").value("Configuration Server"))
                .andExpect(jsonPath("$.componentVersion").value("8.5.1"))
                .andExpect(jsonPath("$.host").value(host))
                .andExpect(jsonPath("$.hostId").isNumber())
                .andExpect(jsonPath("$.backup").value(backup))
                .andExpect(jsonPath("$.backupId").isNumber())
                .andExpect(jsonPath("$.security['tls-mutual']").value("1"))
                .andExpect(jsonPath("$.ports[0].portId").value("default"))
                .andExpect(jsonPath("$.ports[0].number").value(2020))
                .andExpect(jsonPath("$.ports[0].listeningMode").value("SECURE"))
                .andExpect(jsonPath("$.ports[0].transport")
                        .value("tls=1;certificate=/opt/certs/cfg.pem;certificate-key=/opt/certs/cfg.key;trusted-ca=/opt/certs/ca.pem"))
                .andExpect(jsonPath("$.ports[1].listeningMode").value("AUTO_DETECT"))
                .andExpect(jsonPath("$.version").value(0));
    }

    static Stream<Arguments> badApplications() {
        return Stream.of(
                Arguments.of("\"componentType\":\"Config Wizard\"", "componentType", "not a component type of the catalog"),
                Arguments.of("\"componentType\":null", "componentType", "is required"),
                Arguments.of("\"componentVersion\":\"latest\"", "componentVersion", "is not a version"),
                Arguments.of("\"host\":\"no-such-host\"", "host", "host 'no-such-host' does not exist"),
                Arguments.of("\"backup\":\"no-such-app\"", "backup", "does not exist"),
                Arguments.of("\"security\":{\"tls-mutual\":\"2\"}", "security.tls-mutual", "must be 0 or 1, not '2'"),
                Arguments.of("\"security\":{\"sec-protocol\":\"tlsv1.2\"}", "security.sec-protocol", "did you mean 'TLSv12'?"),
                Arguments.of("\"ports\":[{\"portId\":\"default\",\"number\":70000,\"listeningMode\":\"UNSECURED\",\"transport\":\"\"}]",
                        "ports[0].number", "use 1 to 65535"),
                Arguments.of("\"ports\":[{\"portId\":\"default\",\"number\":0,\"listeningMode\":\"UNSECURED\",\"transport\":\"\"}]",
                        "ports[0].number", "use 1 to 65535"),
                Arguments.of("\"ports\":[{\"portId\":\"a b\",\"number\":1,\"listeningMode\":\"UNSECURED\",\"transport\":\"\"}]",
                        "ports[0].portId", "is not a port id"),
                Arguments.of("\"ports\":[{\"portId\":\"x\",\"number\":1,\"listeningMode\":\"UNSECURED\"},"
                        + "{\"portId\":\"X\",\"number\":2,\"listeningMode\":\"UNSECURED\"}]", "ports[1].portId", "used twice"),
                Arguments.of("\"ports\":[{\"portId\":\"x\",\"number\":1,\"listeningMode\":\"UNSECURED\"},"
                        + "{\"portId\":\"y\",\"number\":1,\"listeningMode\":\"UNSECURED\"}]", "ports[1].number", "already used by port 'x'"),
                Arguments.of("\"ports\":[{\"portId\":\"x\",\"number\":1,\"listeningMode\":\"PASSIVE\"}]",
                        "ports[0].listeningMode", "use SECURE, UNSECURED or AUTO_DETECT"),
                Arguments.of("\"ports\":[{\"portId\":\"x\",\"number\":1,\"listeningMode\":\"SECURE\",\"transport\":\"certificate=/a.pem\"}]",
                        "ports[0].transport", "needs tls=1"),
                Arguments.of("\"ports\":[{\"portId\":\"x\",\"number\":1,\"listeningMode\":\"UNSECURED\",\"transport\":\"tls=1\"}]",
                        "ports[0].transport", "choose listening mode SECURE"),
                Arguments.of("\"ports\":[{\"portId\":\"x\",\"number\":1,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1; tls-mutual=1\"}]",
                        "ports[0].transport", "position 6: space after ';'"),
                Arguments.of("\"ports\":[{\"portId\":\"x\",\"number\":1,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;client-auth=0\"}]",
                        "ports[0].transport", "client-auth cannot be set on a port transport"),
                Arguments.of("\"ports\":[null]", "ports[0]", "a port needs"));
    }

    @ParameterizedTest
    @MethodSource("badApplications")
    void badInputIsA400NamingTheFieldAndWritesNothing(String override, String field, String message) throws Exception {
        TopologyApi.Counts before = api.counts();
        api.asAdmin(post("/api/v1/applications"), body(TopologyApi.unique("bad"), override))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message", hasItem(containsString(message))));
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void aBackupIsAnotherApplicationOfTheSameTypeWithoutCycles() throws Exception {
        String stat = TopologyApi.unique("bk-stat");
        api.application(body(stat, "\"componentType\":\"Stat Server\""));
        api.asAdmin(post("/api/v1/applications"), body(TopologyApi.unique("bk-cs"), "\"backup\":\"" + stat + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("must be another Configuration Server")));
        String self = TopologyApi.unique("bk-self");
        api.asAdmin(post("/api/v1/applications"), body(self, "\"backup\":\"" + self + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("backup"));

        String a = TopologyApi.unique("bk-a");
        String b = TopologyApi.unique("bk-b");
        api.application(body(a, ""));
        long bId = api.application(body(b, "\"backup\":\"" + a + "\""));
        long aId = id(a);
        String aBody = api.asAdmin(get("/api/v1/applications/" + aId)).andReturn().getResponse().getContentAsString();
        api.asAdmin(put("/api/v1/applications/" + aId), aBody.replace("\"backup\":null", "\"backup\":\"" + b + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("must not form a cycle")));
        String bBody = api.asAdmin(get("/api/v1/applications/" + bId)).andReturn().getResponse().getContentAsString();
        api.asAdmin(put("/api/v1/applications/" + aId), aBody.replace("\"componentType\":\"Configuration Server\"",
                        "\"componentType\":\"Stat Server\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("names this application as its backup")));
        assertThat(bBody).contains("\"backup\":\"" + a + "\"");
    }

    @Test
    void portsAreUpdatedInPlaceAndAPortInUseIsNotRemoved() throws Exception {
        String server = TopologyApi.unique("ports-cs");
        long serverId = api.secureServer(server, "Configuration Server", host);
        String client = TopologyApi.unique("ports-ss");
        api.application(body(client, "\"componentType\":\"Stat Server\""));
        long connection = api.connection(client, server, "default", "tls=1");
        Long portRow = jdbc.queryForObject("select server_port_id from connection where id = ?", Long.class, connection);

        String current = api.asAdmin(get("/api/v1/applications/" + serverId)).andReturn().getResponse().getContentAsString();
        String moved = current.replace("\"number\":2020", "\"number\":3020").replace("\"portId\":\"default\"", "\"portId\":\"DEFAULT\"");
        api.asAdmin(put("/api/v1/applications/" + serverId), moved)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ports[0].portId").value("DEFAULT"))
                .andExpect(jsonPath("$.ports[0].number").value(3020))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(jdbc.queryForObject("select server_port_id from connection where id = ?", Long.class, connection))
                .as("the port kept its row, so the connection still points at it").isEqualTo(portRow);

        String withoutPorts = api.asAdmin(get("/api/v1/applications/" + serverId)).andReturn().getResponse()
                .getContentAsString().replaceAll("\"ports\":\\[.*?]", "\"ports\":[]");
        TopologyApi.Counts before = api.counts();
        api.asAdmin(put("/api/v1/applications/" + serverId), withoutPorts)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is used by 1 connection(s): " + client)))
                .andExpect(jsonPath("$.usedBy[0].type").value("CONNECTION"))
                .andExpect(jsonPath("$.usedBy[0].id").value(connection));
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void aStalePutIs409WithBothVersions() throws Exception {
        String name = TopologyApi.unique("stale-app");
        long id = api.application(body(name, ""));
        String body = api.asAdmin(get("/api/v1/applications/" + id)).andReturn().getResponse().getContentAsString();
        api.asAdmin(put("/api/v1/applications/" + id), body.replace("\"componentVersion\":\"8.5.1\"", "\"componentVersion\":\"8.5.2\""))
                .andExpect(status().isOk());
        api.asAdmin(put("/api/v1/applications/" + id), body.replace("\"componentVersion\":\"8.5.1\"", "\"componentVersion\":\"8.5.3\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.yourVersion").value(0))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.current.componentVersion").value("8.5.2"));
        api.asAdmin(get("/api/v1/applications/" + id)).andExpect(jsonPath("$.componentVersion").value("8.5.2"));
    }

    @Test
    void anApplicationWithConnectionsOrPrimariesIsDeletedOnlyWithCascade() throws Exception {
        String server = TopologyApi.unique("del-cs");
        long serverId = api.secureServer(server, "Configuration Server", host);
        String primary = TopologyApi.unique("del-primary");
        long primaryId = api.application(body(primary, "\"backup\":\"" + server + "\""));
        String client = TopologyApi.unique("del-ss");
        api.application(body(client, "\"componentType\":\"Stat Server\""));
        api.connection(client, server, "default", "tls=1");
        TopologyApi.Counts before = api.counts();

        api.asAdmin(delete("/api/v1/applications/" + serverId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is the backup of " + primary)))
                .andExpect(jsonPath("$.usedBy.length()").value(2));
        assertThat(api.counts()).isEqualTo(before);

        api.asAdmin(delete("/api/v1/applications/" + serverId).param("cascade", "true")).andExpect(status().isNoContent());
        api.asAdmin(get("/api/v1/applications/" + serverId)).andExpect(status().isNotFound());
        api.asAdmin(get("/api/v1/applications/" + primaryId))
                .andExpect(jsonPath("$.backup").doesNotExist())
                .andExpect(jsonPath("$.version").value(1));
        assertThat(api.counts().connections()).isEqualTo(before.connections() - 1);
        assertThat(api.counts().ports()).isEqualTo(before.ports() - 1);
    }

    @Test
    void listsSortByHostAndSearchByTypeOrHost() throws Exception {
        String name = TopologyApi.unique("srch");
        api.application(body(name, "\"componentType\":\"UCS\"", "\"host\":\"" + windowsHost + "\""));
        api.asAdmin(get("/api/v1/applications").param("q", windowsHost).param("sort", "host"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value(name))
                .andExpect(jsonPath("$.items[0].componentType").value("Universal Contact Server"));
        api.asAdmin(get("/api/v1/applications").param("q", "universal contact").param("size", "500"))
                .andExpect(jsonPath("$.items[*].name", hasItem(name)));
        api.asAdmin(get("/api/v1/applications/987654321")).andExpect(status().isNotFound());
    }

    /** A valid Configuration Server body on {@link #host}, with each {@code "key":value} override replacing that key. */
    private String body(String name, String... overrides) {
        String json = "{\"name\":\"" + name + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"backup\":null,\"security\":{},\"ports\":[]}";
        for (String override : overrides) {
            if (override.isEmpty()) {
                continue;
            }
            String key = override.substring(0, override.indexOf(':'));
            json = json.replaceFirst(java.util.regex.Pattern.quote(key) + ":(\"[^\"]*\"|\\{}|\\[]|null)",
                    java.util.regex.Matcher.quoteReplacement(override));
        }
        return json;
    }

    private long id(String name) throws Exception {
        String json = api.asAdmin(get("/api/v1/applications").param("q", name)).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.items[0].id")).longValue();
    }
}
