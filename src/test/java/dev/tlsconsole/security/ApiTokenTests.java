package dev.tlsconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.MutableClock;
import dev.tlsconsole.support.TestAccounts;

/** Personal API tokens: shown once, stored hashed, work as Bearer credentials until revoked or expired. */
@ConsoleTest
class ApiTokenTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAccountWithoutTokensListsAnEmptyPageAClientCanCountPagesOf() throws Exception {
        AccountView owner = accounts.create("notokens", Role.OPERATOR);
        mvc.perform(get("/api/v1/users/me/tokens").with(httpBasic(owner.username(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void aTokenWorksUntilItIsRevoked() throws Exception {
        AccountView owner = accounts.create("tokenowner", Role.OPERATOR);
        String created = createToken(owner.username(), "{\"name\":\"ci\"}");
        String token = JsonPath.read(created, "$.token");
        int id = JsonPath.read(created, "$.id");

        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(owner.username()));

        String listed = mvc.perform(get("/api/v1/users/me/tokens").with(httpBasic(owner.username(), TestAccounts.PASSWORD)))
                .andExpect(jsonPath("$.items[0].name").value("ci"))
                .andExpect(jsonPath("$.items[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(token);

        mvc.perform(delete("/api/v1/users/me/tokens/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid")));
    }

    @Test
    void oneTokenServesManyRequestsAtOnce() throws Exception {
        AccountView owner = accounts.create("busy", Role.OPERATOR);
        String token = JsonPath.read(createToken(owner.username(), "{\"name\":\"parallel\"}"), "$.token");
        clock.advance(Duration.ofMinutes(2)); // so the requests below all want to record a new "last used"
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(() -> mvc.perform(get("/api/v1/users/me")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse().getStatus()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select last_used_at from api_token where token_prefix = ?", java.sql.Timestamp.class,
                token.substring(0, 10))).isNotNull();
    }

    @Test
    void onlyTheHashIsStored() throws Exception {
        AccountView owner = accounts.create("hashcheck", Role.AUDITOR);
        String token = JsonPath.read(createToken(owner.username(), "{\"name\":\"hash\"}"), "$.token");
        long clearCopies = jdbc.queryForObject(
                "select count(*) from api_token where token_hash = ? or token_prefix = ?", Long.class, token, token);
        assertThat(clearCopies).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where after_state like ?", Long.class,
                "%" + token.substring(4) + "%")).isZero();
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        AccountView owner = accounts.create("expiring", Role.OPERATOR);
        String token = JsonPath.read(createToken(owner.username(), "{\"name\":\"short\",\"expiresInDays\":1}"), "$.token");
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledAccountsTokenStopsWorking() throws Exception {
        AccountView owner = accounts.create("leaver", Role.OPERATOR);
        String token = JsonPath.read(createToken(owner.username(), "{\"name\":\"old\"}"), "$.token");
        // used just before: the console remembers the verified token for a few seconds
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/" + owner.id()).with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false,\"version\":" + owner.version() + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenCarriesItsOwnersRolesOnly() throws Exception {
        AccountView auditor = accounts.create("readonly", Role.AUDITOR);
        String token = JsonPath.read(createToken(auditor.username(), "{\"name\":\"ro\"}"), "$.token");
        mvc.perform(get("/api/v1/audit").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        // an auditor reads everything, users included (issue 10 item 13), and writes nothing
        mvc.perform(get("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType("application/json").content("{\"username\":\"nope-ro\",\"password\":\"long-enough-pass-1\",\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void garbageAndOtherPeoplesTokensAreRefused() throws Exception {
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer tlc_not-a-real-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer"))
                .andExpect(status().isUnauthorized());
        AccountView owner = accounts.create("owner", Role.OPERATOR);
        AccountView other = accounts.create("other", Role.OPERATOR);
        int id = JsonPath.read(createToken(owner.username(), "{\"name\":\"mine\"}"), "$.id");
        mvc.perform(delete("/api/v1/users/me/tokens/" + id).with(httpBasic(other.username(), TestAccounts.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void badTokenRequestsAreRejectedWithAReason() throws Exception {
        AccountView owner = accounts.create("badreq", Role.OPERATOR);
        mvc.perform(post("/api/v1/users/me/tokens").with(httpBasic(owner.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/users/me/tokens").with(httpBasic(owner.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"expiresInDays\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"));
        mvc.perform(post("/api/v1/users/me/tokens").with(httpBasic(owner.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"expiresInDays\":\"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("expiresInDays")));
        assertThat(jdbc.queryForObject("select count(*) from api_token t join user_account a on a.id = t.account_id "
                + "where a.username = ?", Long.class, owner.username())).isZero();
    }

    private String createToken(String username, String body) throws Exception {
        return mvc.perform(post("/api/v1/users/me/tokens").with(httpBasic(username, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("tlc_")))
                .andReturn().getResponse().getContentAsString();
    }
}
