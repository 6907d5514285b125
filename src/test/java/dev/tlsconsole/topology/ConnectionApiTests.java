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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;

/** {@code /api/v1/connections}: names in, ids and names out, every kind of bad input, conflicts, deletes. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    TopologyApi api;
    String confserv;
    String statserv;
    long confservId;
    long statservId;

    @BeforeAll
    void topology() throws Exception {
        api = new TopologyApi(mvc, jdbc);
        String host = TopologyApi.unique("con-host");
        api.host(host, "{}");
        confserv = TopologyApi.unique("con-cs");
        confservId = api.secureServer(confserv, "Configuration Server", host);
        statserv = TopologyApi.unique("con-ss");
        statservId = api.application("{\"name\":\"" + statserv + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"ports\":[{\"portId\":\"default\",\"number\":2060,\"listeningMode\":\"UNSECURED\"}]}");
    }

    @Test
    void createReturnsTheConnectionAsApiMdShowsIt() throws Exception {
        String client = client("mk");
        long clientId = api.application(client);
        api.asAdmin(post("/api/v1/connections"), "{\"client\":\"" + name(client) + "\",\"server\":\"" + confserv.toUpperCase()
                        + "\",\"portId\":\"DEFAULT\",\"transport\":\"tls=1;\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/connections/\\d+")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.client").value(name(client)))
                .andExpect(jsonPath("$.clientId").value(clientId))
                .andExpect(jsonPath("$.server").value(confserv))
                .andExpect(jsonPath("$.serverId").value(confservId))
                .andExpect(jsonPath("$.portId").value("default"))
                .andExpect(jsonPath("$.portNumber").value(2020))
                .andExpect(jsonPath("$.listeningMode").value("SECURE"))
                .andExpect(jsonPath("$.transport").value("tls=1"))
                .andExpect(jsonPath("$.version").value(0));
    }

    static Stream<Arguments> badConnections() {
        return Stream.of(
                Arguments.of("\"client\":\"nobody\"", "client", "application 'nobody' does not exist"),
                Arguments.of("\"client\":null", "client", "is required"),
                Arguments.of("\"server\":\"nowhere\"", "server", "application 'nowhere' does not exist"),
                Arguments.of("\"portId\":\"ESP\"", "portId", "has no port 'ESP' (its ports: default)"),
                Arguments.of("\"portId\":null", "portId", "is required"),
                Arguments.of("\"transport\":\"tls=1;;client-auth=0\"", "transport", "position 6: empty parameter"),
                Arguments.of("\"transport\":\"tls=one\"", "transport", "tls must be 0 or 1, not 'one'"),
                Arguments.of("\"transport\":\"tls=1;tls-mutual=1\"", "transport", "tls-mutual cannot be set on a connection transport"),
                Arguments.of("\"transport\":\"tls-target-name-check=yes\"", "transport", "must be no or host"));
    }

    @ParameterizedTest
    @MethodSource("badConnections")
    void badInputIsA400NamingTheFieldAndWritesNothing(String override, String field, String message) throws Exception {
        String client = client("bad");
        api.application(client);
        String body = "{\"client\":\"" + name(client) + "\",\"server\":\"" + confserv + "\",\"portId\":\"default\",\"transport\":\"tls=1\"}";
        String key = override.substring(0, override.indexOf(':'));
        body = body.replaceFirst(java.util.regex.Pattern.quote(key) + ":\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(override));
        TopologyApi.Counts before = api.counts();
        api.asAdmin(post("/api/v1/connections"), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message", hasItem(containsString(message))));
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void aClientDoesNotConnectToItselfNorTwiceToThePort() throws Exception {
        TopologyApi.Counts before = api.counts();
        api.asAdmin(post("/api/v1/connections"), "{\"client\":\"" + confserv + "\",\"server\":\"" + confserv
                        + "\",\"portId\":\"default\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("cannot connect to itself")));
        String client = client("twice");
        api.application(client);
        api.connection(name(client), confserv, "default", "tls=1");
        api.asAdmin(post("/api/v1/connections"), "{\"client\":\"" + name(client) + "\",\"server\":\"" + confserv
                        + "\",\"portId\":\"default\",\"transport\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("already has a connection")));
        assertThat(api.counts().connections()).isEqualTo(before.connections() + 1);
    }

    @Test
    void aConnectionIsRepointedUpdatedAndDeleted() throws Exception {
        String client = client("upd");
        api.application(client);
        long id = api.connection(name(client), confserv, "default", "tls=1");
        String body = api.asAdmin(get("/api/v1/connections/" + id)).andReturn().getResponse().getContentAsString();
        api.asAdmin(put("/api/v1/connections/" + id), body.replace("\"server\":\"" + confserv + "\"", "\"server\":\"" + statserv + "\"")
                        .replace("\"transport\":\"tls=1\"", "\"transport\":\"client-auth=0\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serverId").value(statservId))
                .andExpect(jsonPath("$.portNumber").value(2060))
                .andExpect(jsonPath("$.listeningMode").value("UNSECURED"))
                .andExpect(jsonPath("$.transport").value("client-auth=0"))
                .andExpect(jsonPath("$.version").value(1));
        api.asAdmin(put("/api/v1/connections/" + id), body)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.yourVersion").value(0))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.current.server").value(statserv));
        api.asAdmin(delete("/api/v1/connections/" + id)).andExpect(status().isNoContent());
        api.asAdmin(get("/api/v1/connections/" + id)).andExpect(status().isNotFound());
        api.asAdmin(delete("/api/v1/connections/" + id)).andExpect(status().isNotFound());
        String audit = jdbc.queryForObject("select before_state from audit_entry where action = 'connection.delete'"
                + " and object_id = ? and outcome = 'SUCCESS'", String.class, Long.toString(id));
        assertThat(audit).contains(statserv).contains("client-auth=0");
    }

    @Test
    void listsSortByClientAndSearchByPort() throws Exception {
        String prefix = TopologyApi.unique("srt");
        String b = "{\"name\":\"" + prefix + "-b\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\",\"host\":\""
                + host() + "\"}";
        api.application(b);
        api.application(b.replace(prefix + "-b", prefix + "-a"));
        api.connection(prefix + "-b", confserv, "default", "tls=1");
        api.connection(prefix + "-a", confserv, "default", "");
        api.asAdmin(get("/api/v1/connections").param("q", prefix).param("sort", "client"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.items[0].client").value(prefix + "-a"))
                .andExpect(jsonPath("$.items[1].client").value(prefix + "-b"));
        api.asAdmin(get("/api/v1/connections").param("sort", "client,desc").param("q", prefix))
                .andExpect(jsonPath("$.items[0].client").value(prefix + "-b"));
    }

    private String host() throws Exception {
        String json = api.asAdmin(get("/api/v1/applications/" + confservId)).andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(json, "$.host");
    }

    private String client(String prefix) throws Exception {
        return "{\"name\":\"" + TopologyApi.unique("con-" + prefix) + "\",\"componentType\":\"Stat Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + host() + "\"}";
    }

    private static String name(String applicationJson) {
        return com.jayway.jsonpath.JsonPath.read(applicationJson, "$.name");
    }
}
