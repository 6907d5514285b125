package dev.tlsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.MutatingEndpoints;
import dev.tlsconsole.support.MutatingEndpoints.Endpoint;

/**
 * Every mutating API endpoint writes exactly one audit entry per call, whatever happens — here with
 * an empty body and ids that do not exist, so each call ends in a validation error, a 404 or (rarely) a
 * success — and the entry's outcome matches the answer.
 */
@ConsoleTest
class AuditCoverageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @TestFactory
    Stream<DynamicTest> everyMutatingEndpointWritesExactlyOneEntryWithTheRightOutcome() {
        List<Endpoint> endpoints = MutatingEndpoints.api(mapping);
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            long before = count();
            MvcResult result = mvc.perform(request(HttpMethod.valueOf(endpoint.method().name()), endpoint.path())
                            .with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andReturn();
            int status = result.getResponse().getStatus();
            assertThat(status).as("never a server error").isLessThan(500);
            assertThat(count()).as("exactly one audit entry for " + endpoint).isEqualTo(before + 1);
            String expected = status < 400 ? "SUCCESS" : status == 403 ? "DENIED" : "FAILURE";
            assertThat(latest().get("OUTCOME")).as("outcome after HTTP " + status).isEqualTo(expected);
        }));
    }

    @Test
    void aRequestRejectedBeforeAnyServiceIsStillRecorded() throws Exception {
        long before = count();
        mvc.perform(request(HttpMethod.POST, "/api/v1/users").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{not json"));
        assertThat(count()).isEqualTo(before + 1);
        Map<String, Object> entry = latest();
        assertThat(entry).containsEntry("ACTION", "request.rejected").containsEntry("OUTCOME", "FAILURE")
                .containsEntry("OBJECT_NAME", "POST /api/v1/users");
        assertThat((String) entry.get("DETAIL")).startsWith("HTTP 400: The request body is not valid JSON");
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    private Map<String, Object> latest() {
        return jdbc.queryForMap("select outcome, action, object_name, detail from audit_entry order by id desc limit 1");
    }
}
