package dev.tlsconsole.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.support.ConsoleTest;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /connections/{id}/effective-policy} and {@code GET /effective-policies} on a small topology
 * made through the topology API: every section of API.md's JSON, the filters, sort and paging, the
 * 400s and 404s, and that a saved change shows in the next answer.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectivePolicyApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper mapper;
    @Autowired
    InputRevisions revisions;

    PolicyTopology t;

    @BeforeAll
    void topology() throws Exception {
        t = new PolicyTopology(mvc, jdbc);
    }

    @Test
    void theEndsModeProtocolAndGradeOfASecureConnection() throws Exception {
        t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", t.secure))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.connectionId").value(t.secure))
                .andExpect(jsonPath("$.client.application").value(t.statserv))
                .andExpect(jsonPath("$.client.host").value(t.clientHost))
                .andExpect(jsonPath("$.server.application").value(t.confserv))
                .andExpect(jsonPath("$.server.host").value(t.serverHost))
                .andExpect(jsonPath("$.server.portId").value("default"))
                .andExpect(jsonPath("$.server.portNumber").value(2020))
                .andExpect(jsonPath("$.server.listeningMode").value("SECURE"))
                .andExpect(jsonPath("$.mode").value("SIMPLE_TLS"))
                .andExpect(jsonPath("$.protocol").value("TLSv12"))
                .andExpect(jsonPath("$.grade").value("B"))
                .andExpect(jsonPath("$.gradeReasons", contains("SEC_PROTOCOL_LEVEL")));
    }

    @Test
    void bothSidesListEveryKnownOptionWithItsLevelAndTheObjectThatSetIt() throws Exception {
        var answer = t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", t.secure))
                .andExpect(jsonPath("$.clientSide.certificate.value").value("/opt/certs/c.pem"))
                .andExpect(jsonPath("$.clientSide.certificate.level").value("APPLICATION"))
                .andExpect(jsonPath("$.clientSide.certificate.source").value(t.statserv))
                .andExpect(jsonPath("$.clientSide.tls.level").value("CONNECTION"))
                .andExpect(jsonPath("$.clientSide.client-auth.value").value("1"))
                .andExpect(jsonPath("$.clientSide.client-auth.level").value("DEFAULT"))
                .andExpect(jsonPath("$.clientSide.client-auth.source").value(nullValue()))
                .andExpect(jsonPath("$.serverSide.tls.level").value("PORT"))
                .andExpect(jsonPath("$.serverSide.tls.source").value(t.confserv + ":default"))
                .andExpect(jsonPath("$.serverSide.sec-protocol.value").value("TLSv12"))
                .andExpect(jsonPath("$.serverSide.sec-protocol.level").value("APPLICATION"))
                .andExpect(jsonPath("$.serverSide.sec-protocol.source").value(t.confserv))
                .andExpect(jsonPath("$.serverSide.tls-target-name-check.level").value("HOST"))
                .andExpect(jsonPath("$.serverSide.tls-target-name-check.source").value(t.serverHost))
                .andReturn().getResponse().getContentAsString();
        var json = mapper.readTree(answer);
        for (SecurityOption option : SecurityOption.values()) {
            assertThat(json.get("clientSide").has(option.key())).as("client side has %s", option.key()).isTrue();
            assertThat(json.get("serverSide").has(option.key())).as("server side has %s", option.key()).isTrue();
        }
    }

    @Test
    void findingsSayWhatWhereAndAtWhichLevelToFixIt() throws Exception {
        t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", t.secure))
                .andExpect(jsonPath("$.findings[0].code").value("SEC_PROTOCOL_LEVEL"))
                .andExpect(jsonPath("$.findings[0].severity").value("WARNING"))
                .andExpect(jsonPath("$.findings[0].side").value("SERVER"))
                // issue 12 item 8: the fix is made where the certificate is (the port), so that is where it points
                .andExpect(jsonPath("$.findings[0].fixAt").value("PORT"))
                .andExpect(jsonPath("$.findings[0].fixObject.type").value("PORT"))
                .andExpect(jsonPath("$.findings[0].fixObject.name").value(t.confserv + ":default"))
                .andExpect(jsonPath("$.findings[0].suggestedChange.option").value("sec-protocol"))
                .andExpect(jsonPath("$.findings[0].suggestedChange.value").value("TLSv12"))
                .andExpect(jsonPath("$.findings[0].suggestedChange.target.portId").value("default"))
                .andExpect(jsonPath("$.findings[0].message").value(org.hamcrest.Matchers.containsString("sec-protocol")));
        t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", t.failing))
                .andExpect(jsonPath("$.grade").value("F"))
                .andExpect(jsonPath("$.mode").value("PLAINTEXT"))
                .andExpect(jsonPath("$.findings[0].code").value("TLS_NOT_ON_PORT"))
                .andExpect(jsonPath("$.findings[0].severity").value("ERROR"))
                .andExpect(jsonPath("$.findings[0].fixAt").value("PORT"))
                .andExpect(jsonPath("$.findings[0].fixObject.name").value(t.confserv + ":plain"));
    }

    @Test
    void aPlaintextConnectionHasNoProtocolAndTheNotSecuredGrade() throws Exception {
        t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", t.plain))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("PLAINTEXT"))
                .andExpect(jsonPath("$.protocol").value(nullValue()))
                .andExpect(jsonPath("$.findings", hasSize(0)))
                .andExpect(jsonPath("$.grade").value("-"));
    }

    @Test
    void anUnknownConnectionIsA404Problem() throws Exception {
        t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", 987_654_321L))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("987654321")));
    }

    @Test
    void theListFiltersByGradeModeSeverityAndName() throws Exception {
        t.api.asAdmin(get("/api/v1/effective-policies").param("grade", "F").param("q", t.confserv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.items[0].connectionId").value(t.failing))
                .andExpect(jsonPath("$.items[0].client").value(t.statserv))
                .andExpect(jsonPath("$.items[0].server").value(t.confserv))
                .andExpect(jsonPath("$.items[0].portId").value("plain"))
                .andExpect(jsonPath("$.items[0].mode").value("PLAINTEXT"))
                .andExpect(jsonPath("$.items[0].protocol").value(nullValue()))
                .andExpect(jsonPath("$.items[0].grade").value("F"))
                .andExpect(jsonPath("$.items[0].errors").value(1))
                .andExpect(jsonPath("$.items[0].warnings").value(0));
        t.api.asAdmin(get("/api/v1/effective-policies").param("grade", "-").param("q", t.confserv))
                .andExpect(jsonPath("$.items[*].connectionId", contains((int) t.plain)));
        t.api.asAdmin(get("/api/v1/effective-policies").param("mode", "PLAINTEXT").param("q", t.confserv))
                .andExpect(jsonPath("$.items[*].connectionId", containsInAnyOrder((int) t.plain, (int) t.failing)));
        t.api.asAdmin(get("/api/v1/effective-policies").param("severity", "WARNING").param("q", t.confserv))
                .andExpect(jsonPath("$.items[*].connectionId", contains((int) t.secure)));
        t.api.asAdmin(get("/api/v1/effective-policies").param("grade", "B", "F").param("q", t.confserv))
                .andExpect(jsonPath("$.totalElements").value(2));
        t.api.asAdmin(get("/api/v1/effective-policies").param("code", "TLS_NOT_ON_PORT").param("q", t.statserv))
                .andExpect(jsonPath("$.items[*].connectionId", contains((int) t.failing)));
    }

    @Test
    void theListSortsAndPages() throws Exception {
        t.api.asAdmin(get("/api/v1/effective-policies").param("q", t.confserv).param("sort", "grade,asc"))
                .andExpect(jsonPath("$.items[*].grade", contains("B", "F", "-")));
        t.api.asAdmin(get("/api/v1/effective-policies").param("q", t.confserv).param("sort", "grade,desc"))
                .andExpect(jsonPath("$.items[*].grade", contains("-", "F", "B")));
        t.api.asAdmin(get("/api/v1/effective-policies").param("q", t.confserv).param("sort", "client")
                        .param("sort", "portId,desc").param("size", "1").param("page", "1"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].connectionId").value(t.failing));
    }

    @Test
    void badFilterValuesAre400sNamingEachParameter() throws Exception {
        t.api.asAdmin(get("/api/v1/effective-policies").param("grade", "Z").param("mode", "TLS").param("severity", "FATAL")
                        .param("code", "NOPE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains("grade", "mode", "severity", "code")))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("A+")));
        t.api.asAdmin(get("/api/v1/effective-policies").param("sort", "colour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void aSavedOptionChangeShowsInTheNextAnswer() throws Exception {
        PolicyTopology t = new PolicyTopology(mvc, jdbc);
        t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", t.secure)).andExpect(jsonPath("$.grade").value("B"));
        InputRevisions.Revision before = revisions.current();
        ObjectNode application = (ObjectNode) mapper.readTree(t.api.asAdmin(get("/api/v1/applications/{id}", t.confservId))
                .andReturn().getResponse().getContentAsString());
        application.putObject("security");
        t.api.asAdmin(put("/api/v1/applications/{id}", t.confservId), mapper.writeValueAsString(application))
                .andExpect(status().isOk());

        assertThat(revisions.current().topology()).isGreaterThan(before.topology());
        t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", t.secure))
                .andExpect(jsonPath("$.serverSide.sec-protocol.level").value("DEFAULT"))
                // GENESYS-TLS-REFERENCE.md §8 C2: two 8.5.1 packs without sec-protocol run SSLv23 (SSLv3 up): grade C
                .andExpect(jsonPath("$.grade").value("C"))
                .andExpect(jsonPath("$.gradeReasons", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("SEC_PROTOCOL_LEVEL"))));
    }
}
