package dev.tlsconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/** {@code /api/v1/hosts}: the contract of API.md, every kind of bad input, conflicts, deletes and their audit. */
@ConsoleTest
class HostApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;

    TopologyApi api;

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    @Test
    void createReturns201WithLocationAndTheHostAsApiMdShowsIt() throws Exception {
        String name = TopologyApi.unique("cfg-host");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + name + "\",\"ipAddress\":\"10.0.0.11\",\"osType\":\"UNIX\","
                        + "\"securityPackVersion\":\"8.5.100.25\",\"security\":{\"sec-protocol\":\"TLSv12\"}}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/hosts/\\d+")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.ipAddress").value("10.0.0.11"))
                .andExpect(jsonPath("$.osType").value("UNIX"))
                .andExpect(jsonPath("$.securityPackVersion").value("8.5.100.25"))
                .andExpect(jsonPath("$.security['sec-protocol']").value("TLSv12"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.optionWarnings").isEmpty());
        assertThat(jdbc.queryForObject("select after_state from audit_entry where action = 'host.create' and object_name = ?"
                + " and outcome = 'SUCCESS'", String.class, name)).contains("TLSv12").contains("10.0.0.11");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_name = ?", Long.class, name))
                .as("one call, one entry").isEqualTo(1);
    }

    @Test
    void windowsHostsAndIpv6AddressesAndUnknownOptionsAreKeptAsEntered() throws Exception {
        String name = TopologyApi.unique("WIN-Host");
        String body = api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + name + "\",\"ipAddress\":\"FD00:0:0::1\","
                        + "\"osType\":\"windows\",\"security\":{\"certificate\":\"" + "AB".repeat(20) + "\",\"tls-mutal\":\"1\"}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ipAddress").value("fd00:0:0::1"))
                .andExpect(jsonPath("$.osType").value("WINDOWS"))
                .andExpect(jsonPath("$.securityPackVersion").doesNotExist())
                .andExpect(jsonPath("$.security['tls-mutal']").value("1"))
                .andExpect(jsonPath("$.optionWarnings[0].field").value("security.tls-mutal"))
                .andExpect(jsonPath("$.optionWarnings[0].message").value(containsString("did you mean 'tls-mutual'?")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains(name);
    }

    @Test
    void listsArePagedSortedAndSearchable() throws Exception {
        String prefix = TopologyApi.unique("lst");
        api.host(prefix + "-b", "{}");
        api.host(prefix + "-a", "{}");
        api.host(prefix + "-c", "{}");
        api.asAdmin(get("/api/v1/hosts").param("q", prefix.toUpperCase()).param("sort", "name,desc").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].name").value(prefix + "-c"))
                .andExpect(jsonPath("$.items[1].name").value(prefix + "-b"));
        api.asAdmin(get("/api/v1/hosts").param("q", prefix).param("sort", "name").param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items[0].name").value(prefix + "-c"));
        api.asAdmin(get("/api/v1/hosts").param("sort", "nonsense"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        // the parameters left empty, as API.md writes them (?page=&size=&sort=): the defaults, not a 400
        api.asAdmin(get("/api/v1/hosts").param("q", prefix).param("page", "").param("size", "").param("sort", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].name").value(prefix + "-a"));
        api.asAdmin(get("/api/v1/effective-policies").param("grade", "").param("mode", "").param("severity", "")
                        .param("page", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0));
    }

    static Stream<Arguments> badHosts() {
        return Stream.of(
                Arguments.of("{\"name\":\"ok-1\",\"ipAddress\":\"10.0.0.256\",\"osType\":\"UNIX\"}", "ipAddress", "not an IP address"),
                Arguments.of("{\"name\":\"ok-2\",\"ipAddress\":\"10.0.0\",\"osType\":\"UNIX\"}", "ipAddress", "not an IP address"),
                Arguments.of("{\"name\":\"ok-3\",\"ipAddress\":\"cfg-host.example.com\",\"osType\":\"UNIX\"}", "ipAddress", "host names are not accepted"),
                Arguments.of("{\"name\":\"ok-4\",\"ipAddress\":\"fd00::1::2\",\"osType\":\"UNIX\"}", "ipAddress", "not a valid IPv6 address"),
                Arguments.of("{\"name\":\"ok-5\",\"osType\":\"UNIX\"}", "ipAddress", "is required"),
                Arguments.of("{\"name\":\"ok-6\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"SOLARIS\"}", "osType", "use WINDOWS or UNIX"),
                Arguments.of("{\"name\":\"ok-7\",\"ipAddress\":\"10.0.0.1\"}", "osType", "is required"),
                Arguments.of("{\"name\":\"bad_name\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\"}", "name", "RFC 1123"),
                Arguments.of("{\"name\":\"-dash\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\"}", "name", "RFC 1123"),
                Arguments.of("{\"name\":\"a..b\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\"}", "name", "empty label"),
                Arguments.of("{\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\"}", "name", "is required"),
                Arguments.of("{\"name\":\"ok-8\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"WINDOWS\",\"securityPackVersion\":\"8.5.1\"}",
                        "securityPackVersion", "only on UNIX"),
                Arguments.of("{\"name\":\"ok-9\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\",\"securityPackVersion\":\"8.5.x\"}",
                        "securityPackVersion", "is not a version"),
                Arguments.of("{\"name\":\"ok-10\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\",\"security\":{\"sec-protocol\":\"TLS1.2\"}}",
                        "security.sec-protocol", "one of SSLv23"),
                Arguments.of("{\"name\":\"ok-11\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\",\"security\":{\"tls\":\"2\"}}",
                        "security.tls", "must be 0 or 1"),
                Arguments.of("{\"name\":\"ok-12\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\",\"security\":{\"tls-mutual\":\"yes\"}}",
                        "security.tls-mutual", "must be 0 or 1"),
                Arguments.of("{\"name\":\"ok-13\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\",\"security\":{\"bad key\":\"1\"}}",
                        "security", "must not contain spaces"));
    }

    @ParameterizedTest
    @MethodSource("badHosts")
    void badInputIsA400NamingTheFieldAndWritesNothing(String body, String field, String message) throws Exception {
        TopologyApi.Counts before = api.counts();
        api.asAdmin(post("/api/v1/hosts"), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message", hasItem(containsString(message))));
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void everyProblemIsListedAtOnce() throws Exception {
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"x_y\",\"ipAddress\":\"300.1.1.1\",\"osType\":\"BEOS\","
                        + "\"security\":{\"client-auth\":\"2\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "ipAddress",
                        "osType", "security.client-auth")));
    }

    @Test
    void namesAreUniqueIgnoringCase() throws Exception {
        String name = TopologyApi.unique("dup");
        api.host(name, "{}");
        TopologyApi.Counts before = api.counts();
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + name.toUpperCase() + "\",\"ipAddress\":\"10.1.1.1\",\"osType\":\"UNIX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("already exists")));
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void unknownFieldsAndUnknownIdsAreExplained() throws Exception {
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"typo-1\",\"ipAdress\":\"10.0.0.1\",\"osType\":\"UNIX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Unknown field 'ipAdress'")))
                // a validation error like any other (API.md): errors[{field, message}] names the field
                .andExpect(jsonPath("$.type").value("urn:tls-console:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("ipAdress"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Unknown field 'ipAdress'")));
        api.asAdmin(put("/api/v1/hosts/987654321"), "{\"name\":\"h\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\",\"version\":\"zero\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].field").value("version"))
                .andExpect(jsonPath("$.errors[0].message").value("'zero' is not a whole number"));
        api.asAdmin(get("/api/v1/hosts/987654321"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Host '987654321' does not exist"));
        api.asAdmin(put("/api/v1/hosts/987654321"), "{\"name\":\"h\",\"version\":0}").andExpect(status().isNotFound());
        api.asAdmin(delete("/api/v1/hosts/987654321")).andExpect(status().isNotFound());
    }

    @Test
    void whatYouPutIsWhatYouGetAndTheVersionMovesOn() throws Exception {
        String name = TopologyApi.unique("put");
        long id = api.host(name, "{\"sec-protocol\":\"TLSv12\",\"certificate\":\"/opt/genesys/certs/a.pem\"}");
        String current = api.asAdmin(get("/api/v1/hosts/" + id)).andReturn().getResponse().getContentAsString();
        String changed = current.replace("TLSv12", "TLSv13").replace("\"UNIX\"", "\"UNIX\"")
                .replace("/opt/genesys/certs/a.pem", "/opt/genesys/certs/b.pem");
        api.asAdmin(put("/api/v1/hosts/" + id), changed)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.security['sec-protocol']").value("TLSv13"))
                .andExpect(jsonPath("$.security.certificate").value("/opt/genesys/certs/b.pem"))
                .andExpect(jsonPath("$.version").value(1));
        api.asAdmin(get("/api/v1/hosts/" + id))
                .andExpect(jsonPath("$.security['sec-protocol']").value("TLSv13"))
                .andExpect(jsonPath("$.version").value(1));
        String audit = jdbc.queryForObject("select before_state || ' => ' || after_state from audit_entry"
                + " where action = 'host.update' and object_id = ? and outcome = 'SUCCESS'", String.class, Long.toString(id));
        assertThat(audit).contains("TLSv12").contains("TLSv13");
    }

    @Test
    void aStalePutIs409WithBothVersionsAndChangesNothing() throws Exception {
        long id = api.host(TopologyApi.unique("stale"), "{}");
        String body = api.asAdmin(get("/api/v1/hosts/" + id)).andReturn().getResponse().getContentAsString();
        api.asAdmin(put("/api/v1/hosts/" + id), body.replace("\"security\":{}", "\"security\":{\"tls-mutual\":\"1\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));

        api.asAdmin(put("/api/v1/hosts/" + id), body.replace("\"security\":{}", "\"security\":{\"tls-mutual\":\"0\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.yourVersion").value(0))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.current.security['tls-mutual']").value("1"));
        api.asAdmin(get("/api/v1/hosts/" + id)).andExpect(jsonPath("$.security['tls-mutual']").value("1"));
        api.asAdmin(put("/api/v1/hosts/" + id), body.replace(",\"version\":0", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void aHostThatRunsApplicationsIsDeletedOnlyWithCascade() throws Exception {
        String host = TopologyApi.unique("busy");
        long hostId = api.host(host, "{}");
        String server = TopologyApi.unique("busy-cs");
        api.secureServer(server, "Configuration Server", host);
        String client = TopologyApi.unique("busy-ss");
        String clientHost = TopologyApi.unique("other");
        api.host(clientHost, "{}");
        long clientId = api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + clientHost + "\"}");
        api.connection(client, server, "default", "tls=1");
        TopologyApi.Counts before = api.counts();

        api.asAdmin(delete("/api/v1/hosts/" + hostId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("runs 1 application(s): " + server)))
                .andExpect(jsonPath("$.usedBy[0].type").value("APPLICATION"))
                .andExpect(jsonPath("$.usedBy[0].name").value(server))
                .andExpect(jsonPath("$.usedBy[1].type").value("CONNECTION"));
        assertThat(api.counts()).isEqualTo(before);

        api.asAdmin(delete("/api/v1/hosts/" + hostId).param("cascade", "true")).andExpect(status().isNoContent());
        api.asAdmin(get("/api/v1/hosts/" + hostId)).andExpect(status().isNotFound());
        assertThat(api.counts().applications()).isEqualTo(before.applications() - 1);
        assertThat(api.counts().connections()).isEqualTo(before.connections() - 1);
        api.asAdmin(get("/api/v1/applications/" + clientId)).andExpect(status().isOk());
        String audit = jdbc.queryForObject("select before_state from audit_entry where action = 'host.delete'"
                + " and object_id = ? and outcome = 'SUCCESS'", String.class, Long.toString(hostId));
        assertThat(audit).contains(server).contains(client + " → " + server + ":default");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'host.delete' and object_id = ?"
                + " and outcome = 'FAILURE'", Long.class, Long.toString(hostId))).isEqualTo(1);
    }

    @Test
    void anAuditorReadsButMayNotChangeAnything() throws Exception {
        String auditor = accounts.create("topo-auditor", Role.AUDITOR).username();
        long id = api.host(TopologyApi.unique("ro"), "{}");
        TopologyApi.Counts before = api.counts();
        api.as(auditor, TestAccounts.PASSWORD, get("/api/v1/hosts/" + id), "").andExpect(status().isOk());
        api.as(auditor, TestAccounts.PASSWORD, post("/api/v1/hosts"),
                        "{\"name\":\"denied-1\",\"ipAddress\":\"10.0.0.1\",\"osType\":\"UNIX\"}")
                .andExpect(status().isForbidden());
        api.as(auditor, TestAccounts.PASSWORD, delete("/api/v1/hosts/" + id), "").andExpect(status().isForbidden());
        assertThat(api.counts()).isEqualTo(before);
        // an AUDITOR is stopped at the URL (before any body is read), so the entry names the endpoint
        assertThat(jdbc.queryForList("select object_name from audit_entry where actor = ? and outcome = 'DENIED'"
                + " and action = 'access.denied' order by id", String.class, auditor))
                .containsExactly("POST /api/v1/hosts", "DELETE /api/v1/hosts/" + id);
        mvc.perform(get("/api/v1/hosts")).andExpect(status().isUnauthorized());
    }
}
