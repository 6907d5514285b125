package dev.tlsconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/**
 * Issue 10 item 5: the declared field rules of the commands the UI and the API share. A value longer
 * than its column is refused with the column's real limit, every broken rule at once, audited, nothing
 * saved — a 400 problem document from the API, the form shown again with the input kept in the UI.
 */
@ConsoleTest
class FieldRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anApiHostBreakingSeveralLengthRulesGetsEveryProblemWithTheColumnLimits() throws Exception {
        String name = "h" + "x".repeat(299);
        MockHttpServletResponse answer = perform(post("/api/v1/hosts").contentType("application/json")
                .content("{\"name\":\"" + name + "\",\"ipAddress\":\"10.7.7.7\",\"osType\":\"UNIX\",\"securityPackVersion\":\""
                        + "9".repeat(41) + "\",\"osVersion\":\"" + "r".repeat(101) + "\"}"));
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentType()).startsWith("application/problem+json");
        assertThat(errors(answer)).contains("name: must be at most 253 characters",
                "securityPackVersion: must be at most 40 characters", "osVersion: must be at most 100 characters");
        assertThat(jdbc.queryForObject("select count(*) from host where ip_address = '10.7.7.7'", Integer.class)).isZero();
        assertThat(failures("host.create", "at most 253")).isPositive();
    }

    @Test
    void apiNamesLongerThanTheirColumnAre400WithTheRealLimit() throws Exception {
        String certificate = "c".repeat(300);
        MockHttpServletResponse imported = perform(post("/api/v1/certificates").contentType("application/json")
                .content("{\"name\":\"" + certificate + "\",\"pem\":\"not a certificate\"}"));
        assertThat(imported.getStatus()).isEqualTo(400);
        assertThat(errors(imported)).contains("name: must be at most 200 characters");
        assertThat(failures("certificate.import", "at most 200")).isPositive();

        // longer than the column (200) but within the generic limit of 255: refused before the database all the same
        MockHttpServletResponse between = perform(post("/api/v1/certificates").contentType("application/json")
                .content("{\"name\":\"" + "d".repeat(201) + "\",\"pem\":\"not a certificate\"}"));
        assertThat(between.getStatus()).isEqualTo(400);
        assertThat(errors(between)).contains("name: must be at most 200 characters");

        MockHttpServletResponse token = perform(post("/api/v1/users/me/tokens").contentType("application/json")
                .content("{\"name\":\"" + "t".repeat(300) + "\",\"expiresInDays\":5}"));
        assertThat(token.getStatus()).isEqualTo(400);
        assertThat(errors(token)).contains("name: must be at most 100 characters");
        assertThat(jdbc.queryForObject("select count(*) from api_token where name like 'ttttt%'", Integer.class)).isZero();
        assertThat(failures("token.create", "at most 100")).isPositive();

        MockHttpServletResponse account = perform(post("/api/v1/users").contentType("application/json")
                .content("{\"username\":\"" + "u".repeat(300) + "\",\"password\":\"" + TestAccounts.PASSWORD
                        + "\",\"roles\":[\"OPERATOR\"]}"));
        assertThat(account.getStatus()).isEqualTo(400);
        assertThat(errors(account)).contains("username: must be at most 64 characters");
        assertThat(jdbc.queryForObject("select count(*) from user_account where username like 'uuuuu%'", Integer.class)).isZero();
        assertThat(failures("user.create", "at most 64")).isPositive();
    }

    @Test
    void formsShowTheRealLimitNextToTheFieldAndKeepTheInput() throws Exception {
        String host = "h" + "y".repeat(299);
        MockHttpServletResponse hostForm = perform(post("/hosts").with(csrf()).param("name", host)
                .param("ipAddress", "10.7.7.8").param("osType", "UNIX").param("osVersion", "z".repeat(101)));
        assertThat(hostForm.getStatus()).isEqualTo(200);
        assertThat(hostForm.getContentAsString()).contains("must be at most 253 characters")
                .contains("must be at most 100 characters").contains("value=\"" + host + "\"");
        assertThat(jdbc.queryForObject("select count(*) from host where ip_address = '10.7.7.8'", Integer.class)).isZero();

        MockHttpServletResponse userForm = perform(post("/users").with(csrf()).param("username", "v".repeat(300))
                .param("password", TestAccounts.PASSWORD).param("roles", "OPERATOR"));
        assertThat(userForm.getStatus()).isEqualTo(200);
        assertThat(userForm.getContentAsString()).contains("must be at most 64 characters").contains("value=\"vvvvvvvv");

        MockHttpServletResponse tokenForm = perform(post("/account/tokens").with(csrf()).param("name", "w".repeat(300))
                .param("expiresInDays", "5"));
        assertThat(tokenForm.getStatus()).isEqualTo(200);
        assertThat(tokenForm.getContentAsString()).contains("must be at most 100 characters").contains("value=\"wwwwwwww");

        MockHttpServletResponse importForm = perform(multipart("/certificates/new").with(csrf())
                .param("name", "q".repeat(300)).param("pem", "not a certificate"));
        assertThat(importForm.getStatus()).isEqualTo(200);
        assertThat(importForm.getContentAsString()).contains("must be at most 200 characters").contains("value=\"qqqqqqqq");
        assertThat(jdbc.queryForObject("select count(*) from certificate where name like 'qqqqq%'", Integer.class)).isZero();
    }

    @Test
    void aConnectionBetweenApplicationsWithLongNamesIsSaved() throws Exception {
        dev.tlsconsole.topology.TopologyApi api = new dev.tlsconsole.topology.TopologyApi(mvc, jdbc);
        String host = dev.tlsconsole.topology.TopologyApi.unique("long-names-host");
        api.host(host, "{}");
        String server = dev.tlsconsole.topology.TopologyApi.unique("s".repeat(200));
        String client = dev.tlsconsole.topology.TopologyApi.unique("c".repeat(200));
        api.secureServer(server, "Configuration Server", host);
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{},\"ports\":[]}");
        // its label "client → server" is longer than the audit trail's object name: the entry keeps its beginning
        long id = api.connection(client, server, "default", "tls=1");
        assertThat(jdbc.queryForObject("select object_name from audit_entry where action = 'connection.create'"
                + " and outcome = 'SUCCESS' and object_id = ?", String.class, String.valueOf(id))).hasSize(255).startsWith(client);
    }

    private static java.util.List<String> errors(MockHttpServletResponse answer) throws Exception {
        JsonNode problem = JSON.readTree(answer.getContentAsString());
        java.util.List<String> errors = new java.util.ArrayList<>();
        problem.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("message").asText()));
        return errors;
    }

    private int failures(String action, String detail) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and outcome = 'FAILURE' and detail like ?",
                Integer.class, action, "%" + detail + "%");
    }

    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user("admin").roles("ADMIN"))).andReturn().getResponse();
    }
}
