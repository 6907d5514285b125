package dev.tlsconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.MutableClock;
import dev.tlsconsole.support.TestAccounts;

/** Five wrong passwords in a row lock an account for 15 minutes; an ADMIN sees it and can unlock. */
@ConsoleTest
class LockoutTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        AccountView victim = accounts.create("victim", Role.OPERATOR);
        failFiveTimes(victim.username());

        mvc.perform(get("/api/v1/users/me").with(httpBasic(victim.username(), TestAccounts.PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(formLogin().user(victim.username()).password(TestAccounts.PASSWORD))
                .andExpect(header().string("Location", "/login?error=locked"));

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'auth.lockout' and object_name = ?",
                Long.class, victim.username())).isEqualTo(1);
        mvc.perform(get("/api/v1/users/" + victim.id()).with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.failedAttempts").value(5))
                .andExpect(jsonPath("$.lockedUntil").isNotEmpty());
    }

    @Test
    void anAdminUnlocksAndTheUserSignsInAgain() throws Exception {
        AccountView victim = accounts.create("unlockme", Role.AUDITOR);
        failFiveTimes(victim.username());

        mvc.perform(post("/api/v1/users/" + victim.id() + "/unlock").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));

        mvc.perform(get("/api/v1/users/me").with(httpBasic(victim.username(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select outcome from audit_entry where action = 'user.unlock' and object_name = ?",
                String.class, victim.username())).isEqualTo("SUCCESS");
    }

    @Test
    void theLockExpiresAfterFifteenMinutes() throws Exception {
        AccountView victim = accounts.create("waiter", Role.OPERATOR);
        failFiveTimes(victim.username());

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/api/v1/users/me").with(httpBasic(victim.username(), TestAccounts.PASSWORD)))
                .andExpect(status().isUnauthorized());
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/users/me").with(httpBasic(victim.username(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void aSuccessfulLoginResetsTheCount() throws Exception {
        AccountView user = accounts.create("forgetful", Role.OPERATOR);
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/v1/users/me").with(httpBasic(user.username(), "wrong-password-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/users/me").with(httpBasic(user.username(), TestAccounts.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users/me").with(httpBasic(user.username(), "wrong-again"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/me").with(httpBasic(user.username(), TestAccounts.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aNonAdminCannotUnlockAndTheDenialIsAudited() throws Exception {
        AccountView victim = accounts.create("locked", Role.OPERATOR);
        AccountView operator = accounts.create("helper", Role.OPERATOR);
        failFiveTimes(victim.username());

        mvc.perform(post("/api/v1/users/" + victim.id() + "/unlock").with(httpBasic(operator.username(), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'user.unlock' and outcome = 'DENIED' and actor = ?",
                Long.class, operator.username())).isEqualTo(1);
    }

    @Test
    void parallelGuessesAreAllCountedAndNeverAnswer500() throws Exception {
        AccountView target = accounts.create("hammered", Role.OPERATOR);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int attempt = i;
                answers.add(pool.submit(() -> mvc.perform(get("/api/v1/users/me")
                        .with(httpBasic(target.username(), "guess-" + attempt))).andReturn().getResponse().getStatus()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }
        mvc.perform(get("/api/v1/users/me").with(httpBasic(target.username(), TestAccounts.PASSWORD)))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select failed_attempts from user_account where username = ?", Integer.class,
                target.username())).isEqualTo(5);
    }

    private void failFiveTimes(String username) throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/users/me").with(httpBasic(username, "wrong-password-" + i)))
                    .andExpect(status().isUnauthorized());
        }
    }
}
