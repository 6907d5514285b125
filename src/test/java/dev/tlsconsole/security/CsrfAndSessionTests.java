package dev.tlsconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.tlsconsole.support.ConsoleTest;

/** UI forms need the CSRF token; the stateless API does not, and never creates a session. */
@ConsoleTest
class CsrfAndSessionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUiFormWithoutTheCsrfTokenIsRefusedAuditedAndChangesNothing() throws Exception {
        long usersBefore = count("user_account");
        mvc.perform(post("/users").with(user("admin").roles("ADMIN")).accept(MediaType.TEXT_HTML)
                        .param("username", "no-csrf-user").param("password", "long-enough-password").param("roles", "OPERATOR"))
                .andExpect(status().isForbidden());
        assertThat(count("user_account")).isEqualTo(usersBefore);
        assertThat(jdbc.queryForObject("select detail from audit_entry where outcome = 'DENIED' order by id desc limit 1",
                String.class)).contains("CSRF");
    }

    @Test
    void theSameFormWithTheTokenIsAccepted() throws Exception {
        String username = "with-csrf-" + System.nanoTime() % 100000;
        mvc.perform(post("/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", username).param("password", "long-enough-password").param("roles", "OPERATOR"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from user_account where username = ?", Long.class, username))
                .isEqualTo(1);
    }

    @Test
    void logoutNeedsTheCsrfTokenToo() throws Exception {
        mvc.perform(post("/logout").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login?logout")));
    }

    @Test
    void theApiNeedsNoCsrfTokenAndCreatesNoSession() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/users/me/tokens").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"csrf-free\"}"))
                .andExpect(status().isCreated())
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void theLoginPageItselfIsPublicAndCarriesAToken() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"_csrf\"").contains("data-testid=\"login-submit\"");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
