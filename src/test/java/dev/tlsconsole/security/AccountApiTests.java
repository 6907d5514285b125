package dev.tlsconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/** The accounts API: contract, every kind of bad input (400, nothing written), conflicts (409). */
@ConsoleTest
class AccountApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;

    @Test
    void createReturns201WithLocationAndNeverThePassword() throws Exception {
        String username = "created-" + System.nanoTime() % 100000;
        String body = asAdmin(post("/api/v1/users"), "{\"username\":\"" + username
                + "\",\"password\":\"a-good-long-password\",\"roles\":[\"ADMIN\",\"OPERATOR\"]}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/users/\\d+")))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles.length()").value(2))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("a-good-long-password").doesNotContainIgnoringCase("hash");
        String audit = jdbc.queryForObject("select after_state from audit_entry where action = 'user.create' and object_name = ?",
                String.class, username);
        assertThat(audit).contains(username).doesNotContain("a-good-long-password");
    }

    static Stream<Arguments> badCreateBodies() {
        return Stream.of(
                Arguments.of("{\"username\":\"ab\",\"password\":\"a-good-long-password\",\"roles\":[\"OPERATOR\"]}", "username"),
                Arguments.of("{\"username\":\"Upper Case\",\"password\":\"a-good-long-password\",\"roles\":[\"OPERATOR\"]}", "username"),
                Arguments.of("{\"username\":\"admin\",\"password\":\"a-good-long-password\",\"roles\":[\"OPERATOR\"]}", "username"),
                Arguments.of("{\"username\":\"shortpw\",\"password\":\"short\",\"roles\":[\"OPERATOR\"]}", "password"),
                Arguments.of("{\"username\":\"nopw\",\"roles\":[\"OPERATOR\"]}", "password"),
                Arguments.of("{\"username\":\"longpw\",\"password\":\"" + "x".repeat(80) + "\",\"roles\":[\"OPERATOR\"]}", "password"),
                Arguments.of("{\"username\":\"containsme\",\"password\":\"containsme-and-more\",\"roles\":[\"OPERATOR\"]}", "password"),
                Arguments.of("{\"username\":\"noroles\",\"password\":\"a-good-long-password\",\"roles\":[]}", "roles"),
                Arguments.of("{\"username\":\"nullroles\",\"password\":\"a-good-long-password\"}", "roles"));
    }

    @ParameterizedTest
    @MethodSource("badCreateBodies")
    void badInputIsA400NamingTheFieldAndWritesNothing(String body, String field) throws Exception {
        long accountsBefore = count("user_account");
        asAdmin(post("/api/v1/users"), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
        assertThat(count("user_account")).isEqualTo(accountsBefore);
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("{\"username\":", "not valid JSON"),
                Arguments.of("not json at all", "not valid JSON"),
                Arguments.of("{\"username\":\"x\",\"pasword\":\"typo\"}", "Unknown field 'pasword'"),
                Arguments.of("{\"username\":\"x\",\"password\":\"a-good-long-password\",\"roles\":[\"ROOT\"]}", "roles"),
                Arguments.of("{\"username\":\"x\",\"password\":\"a-good-long-password\",\"roles\":\"ADMIN\"}", "roles"),
                Arguments.of("[]", "JSON object"),
                Arguments.of("", "missing"));
    }

    @ParameterizedTest
    @MethodSource("unreadableBodies")
    void unreadableBodiesAreA400WithAClearDetailAndNoInternals(String body, String expected) throws Exception {
        long accountsBefore = count("user_account");
        String answer = asAdmin(post("/api/v1/users"), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(expected)))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("tools.jackson")
                .doesNotContain("java.");
        assertThat(count("user_account")).isEqualTo(accountsBefore);
    }

    @Test
    void anUnknownRoleIsAFieldErrorLikeAnyOtherInvalidInput() throws Exception {
        long accountsBefore = count("user_account");
        asAdmin(post("/api/v1/users"), "{\"username\":\"x-role\",\"password\":\"a-good-long-password\",\"roles\":[\"KING\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:tls-console:problem:invalid-input"))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].field").value("roles[0]"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("'KING' is not one of ADMIN, OPERATOR, AUDITOR")));
        asAdmin(post("/api/v1/users"), "{\"username\":\"x-role\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors").doesNotExist());
        assertThat(count("user_account")).isEqualTo(accountsBefore);
    }

    @Test
    void wrongContentTypeAndMethodAreExplained() throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                        .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("application/json")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/users")
                        .with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/users/not-a-number").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get("/api/v1/users/999999").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("User '999999' does not exist"));
        mvc.perform(get("/api/v1/no-such-thing").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/users").param("sort", "nonsense").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void aStaleUpdateIs409WithBothVersionsAndChangesNothing() throws Exception {
        AccountView user = accounts.create("stale", Role.OPERATOR);
        asAdmin(put("/api/v1/users/" + user.id()), "{\"roles\":[\"AUDITOR\"],\"version\":0}").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));

        asAdmin(put("/api/v1/users/" + user.id()), "{\"roles\":[\"ADMIN\"],\"version\":0}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.yourVersion").value(0))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.current.roles[0]").value("AUDITOR"));
        mvc.perform(get("/api/v1/users/" + user.id()).with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.roles[0]").value("AUDITOR"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'user.update' and outcome = 'FAILURE'"
                + " and object_id = ?", Long.class, String.valueOf(user.id()))).isEqualTo(1);
    }

    @Test
    void theLastAdministratorCannotBeDemotedOrDisabled() throws Exception {
        long adminId = jdbc.queryForObject("select id from user_account where username = 'admin'", Long.class);
        long version = jdbc.queryForObject("select version from user_account where username = 'admin'", Long.class);
        asAdmin(put("/api/v1/users/" + adminId), "{\"roles\":[\"OPERATOR\"],\"version\":" + version + "}")
                .andExpect(status().isConflict());
        asAdmin(put("/api/v1/users/" + adminId), "{\"enabled\":false,\"version\":" + version + "}")
                .andExpect(status().isConflict());
    }

    @Test
    void passwordChangesFollowThePolicy() throws Exception {
        AccountView user = accounts.create("pwchange", Role.OPERATOR);
        mvc.perform(post("/api/v1/users/me/password").with(httpBasic(user.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong\",\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'currentPassword')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'newPassword')]").exists());
        mvc.perform(post("/api/v1/users/me/password").with(httpBasic(user.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + TestAccounts.PASSWORD + "\",\"newPassword\":\"another-long-password\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me").with(httpBasic(user.username(), "another-long-password"))).andExpect(status().isOk());

        asAdmin(post("/api/v1/users/" + user.id() + "/password"), "{\"password\":\"tiny\"}").andExpect(status().isBadRequest());
        asAdmin(post("/api/v1/users/" + user.id() + "/password"), "{\"password\":\"reset-by-the-admin\"}")
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me").with(httpBasic(user.username(), "reset-by-the-admin"))).andExpect(status().isOk());
    }

    private ResultActions asAdmin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        return mvc.perform(request.with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
