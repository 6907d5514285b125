package dev.tlsconsole.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/**
 * Every role against every protected area, on the API (HTTP Basic, real accounts) and in the UI
 * (form-login sessions): what each may open, and what the refusal looks like.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    private final Map<Role, String> usernames = new EnumMap<>(Role.class);

    @BeforeAll
    void createOneAccountPerRole() {
        for (Role role : Role.values()) {
            usernames.put(role, accounts.create(role.name().toLowerCase(), role).username());
        }
    }

    static Stream<Arguments> apiMatrix() {
        return Stream.of(
                // endpoint, ADMIN, OPERATOR, AUDITOR
                // an AUDITOR reads everything, users included (issue 10)
                Arguments.of("/api/v1/users", 200, 403, 200),
                Arguments.of("/api/v1/users/me", 200, 200, 200),
                Arguments.of("/api/v1/users/me/tokens", 200, 200, 200),
                Arguments.of("/api/v1/audit", 200, 403, 200),
                Arguments.of("/api/v1/audit/verify", 200, 403, 200),
                Arguments.of("/actuator/prometheus", 200, 403, 403),
                Arguments.of("/actuator/info", 200, 200, 200),
                // the OpenAPI document: for scripts too (issue 13), a 401 problem without credentials
                Arguments.of("/v3/api-docs", 200, 200, 200));
    }

    @ParameterizedTest(name = "{0}: ADMIN {1}, OPERATOR {2}, AUDITOR {3}")
    @MethodSource("apiMatrix")
    void apiAnswersEachRoleAsSpecified(String endpoint, int admin, int operator, int auditor) throws Exception {
        expectApi(endpoint, Role.ADMIN, admin);
        expectApi(endpoint, Role.OPERATOR, operator);
        expectApi(endpoint, Role.AUDITOR, auditor);
        mvc.perform(get(endpoint))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("WWW-Authenticate"));
    }

    static Stream<Arguments> uiMatrix() {
        return Stream.of(
                Arguments.of("/", 200, 200, 200),
                Arguments.of("/account", 200, 200, 200),
                Arguments.of("/users", 200, 403, 200),
                Arguments.of("/users/new", 200, 403, 403),
                Arguments.of("/swagger-ui/index.html", 200, 200, 200));
    }

    @ParameterizedTest(name = "UI {0}: ADMIN {1}, OPERATOR {2}, AUDITOR {3}")
    @MethodSource("uiMatrix")
    void uiAnswersEachRoleAsSpecified(String path, int admin, int operator, int auditor) throws Exception {
        expectUi(path, Role.ADMIN, admin);
        expectUi(path, Role.OPERATOR, operator);
        expectUi(path, Role.AUDITOR, auditor);
        mvc.perform(get(path).accept(path.startsWith("/v3") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @ParameterizedTest(name = "health is public")
    @MethodSource("healthOnly")
    void healthIsPublic(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}"));
    }

    static Stream<String> healthOnly() {
        return Stream.of("/actuator/health");
    }

    private void expectApi(String endpoint, Role role, int expected) throws Exception {
        var result = mvc.perform(get(endpoint).with(httpBasic(usernames.get(role), TestAccounts.PASSWORD)))
                .andExpect(status().is(expected));
        if (expected == 403) {
            result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status").value(403));
        }
    }

    private void expectUi(String path, Role role, int expected) throws Exception {
        MockHttpServletRequestBuilder request = get(path).accept(path.startsWith("/v3") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(usernames.get(role)).roles(role.name()));
        // the 403 page itself is rendered by the container's error dispatch: see ErrorPageTests (real HTTPS)
        mvc.perform(request).andExpect(status().is(expected));
    }
}
