package dev.tlsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.MutatingEndpoints;
import dev.tlsconsole.support.MutatingEndpoints.Endpoint;
import dev.tlsconsole.support.TestAccounts;

/** An AUDITOR reads everything and changes nothing: every mutating endpoint answers 403, each denial audited. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorReadOnlyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    String auditor;

    @BeforeAll
    void createAuditor() {
        auditor = accounts.create("reader", Role.AUDITOR).username();
    }

    @TestFactory
    Stream<DynamicTest> everyMutatingApiEndpointIsForbiddenAndTheDenialAudited() {
        List<Endpoint> endpoints = MutatingEndpoints.api(mapping);
        assertThat(endpoints).isNotEmpty();
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            long before = count();
            mvc.perform(request(HttpMethod.valueOf(endpoint.method().name()), endpoint.path())
                            .with(httpBasic(auditor, TestAccounts.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isForbidden());
            assertThat(count()).as("one audit entry").isEqualTo(before + 1);
            assertThat(latest()).containsEntry("OUTCOME", "DENIED").containsEntry("ACTOR", auditor);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyMutatingUiFormIsForbiddenAndTheDenialAudited() {
        List<Endpoint> endpoints = MutatingEndpoints.ui(mapping);
        assertThat(endpoints).isNotEmpty();
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            long before = count();
            mvc.perform(request(HttpMethod.valueOf(endpoint.method().name()), endpoint.path())
                            .with(user(auditor).roles("AUDITOR")).with(csrf()).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
            assertThat(count()).isEqualTo(before + 1);
            assertThat(latest()).containsEntry("OUTCOME", "DENIED");
        }));
    }

    @Test
    void theAuditorReadsTheTrailAndTheOtherLists() throws Exception {
        mvc.perform(get("/api/v1/audit").with(httpBasic(auditor, TestAccounts.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic(auditor, TestAccounts.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/audit").with(user(auditor).roles("AUDITOR"))).andExpect(status().isOk());
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    private Map<String, Object> latest() {
        return jdbc.queryForMap("select outcome, actor, action from audit_entry order by id desc limit 1");
    }
}
