package dev.tlsconsole.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;


import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;
import dev.tlsconsole.topology.TopologyApi;

/**
 * {@code POST /api/v1/preview}: only the connections whose summary changes are listed, with the right
 * before and after, targets are named as in API.md, and nothing at all is written.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InputRevisions revisions;
    @Autowired
    TestAccounts accounts;

    PolicyTopology t;

    @BeforeAll
    void topology() throws Exception {
        t = new PolicyTopology(mvc, jdbc);
    }

    @Test
    void anApplicationChangeListsOnlyTheConnectionsItChangesWithBeforeAndAfter() throws Exception {
        preview("{\"changes\":[{\"target\":{\"type\":\"APPLICATION\",\"name\":\"" + t.confserv + "\"},"
                + "\"unset\":[\"sec-protocol\"]}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.impacted").value(3))
                .andExpect(jsonPath("$.changed", hasSize(1)))
                .andExpect(jsonPath("$.changed[0].connectionId").value(t.secure))
                .andExpect(jsonPath("$.changed[0].before.mode").value("SIMPLE_TLS"))
                .andExpect(jsonPath("$.changed[0].before.protocol").value("TLSv12"))
                .andExpect(jsonPath("$.changed[0].before.grade").value("B"))
                .andExpect(jsonPath("$.changed[0].before.findings", containsInAnyOrder("SEC_PROTOCOL_LEVEL", "CERT_CONTENT_UNCHECKED")))
                // GENESYS-TLS-REFERENCE.md §8 C2: two 8.5.1 packs without sec-protocol run SSLv23 (SSLv3 up): grade C
                .andExpect(jsonPath("$.changed[0].after.grade").value("C"))
                .andExpect(jsonPath("$.changed[0].after.findings", containsInAnyOrder("CERT_CONTENT_UNCHECKED", "PROTOCOL_OBSOLETE")));
    }

    @Test
    void portsAreNamedByApplicationAndPortIdAndConnectionsById() throws Exception {
        preview("{\"changes\":[{\"target\":{\"type\":\"PORT\",\"name\":\"" + t.confserv + "\",\"portId\":\"default\"},"
                + "\"set\":{\"tls-mutual\":\"1\"}}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.impacted").value(1))
                .andExpect(jsonPath("$.changed[0].connectionId").value(t.secure))
                .andExpect(jsonPath("$.changed[0].after.mode").value("MUTUAL_TLS"));
        preview("{\"changes\":[{\"target\":{\"type\":\"CONNECTION\",\"connectionId\":" + t.failing + "},"
                + "\"unset\":[\"tls\"]}]}")
                .andExpect(jsonPath("$.impacted").value(1))
                .andExpect(jsonPath("$.changed[0].before.grade").value("F"))
                .andExpect(jsonPath("$.changed[0].after.grade").value("-"))
                .andExpect(jsonPath("$.changed[0].after.protocol").doesNotExist());
    }

    @Test
    void aHostChangeRecomputesEveryConnectionOfItsApplications() throws Exception {
        preview("{\"changes\":[{\"target\":{\"type\":\"HOST\",\"name\":\"" + t.clientHost + "\"},"
                + "\"set\":{\"sec-protocol\":\"TLSv11\"},\"unset\":[]}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.impacted").value(3))
                .andExpect(jsonPath("$.changed[*].connectionId", contains((int) t.secure)))
                .andExpect(jsonPath("$.changed[0].after.grade").value("F"))
                .andExpect(jsonPath("$.changed[0].after.protocol").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.changed[0].after.findings", org.hamcrest.Matchers.hasItem("PROTOCOL_MISMATCH")));
    }

    @Test
    void nothingIsWrittenByAPreview() throws Exception {
        TopologyApi.Counts counts = t.api.counts();
        InputRevisions.Revision revision = revisions.current();
        long auditEntries = t.api.count("audit_entry");
        List<Map<String, Object>> versions = jdbc.queryForList("select id, version from application order by id");

        preview("{\"changes\":[{\"target\":{\"type\":\"HOST\",\"name\":\"" + t.serverHost + "\"},\"set\":{\"tls-mutual\":\"1\"}},"
                + "{\"target\":{\"type\":\"APPLICATION\",\"name\":\"" + t.confserv + "\"},\"unset\":[\"sec-protocol\"]},"
                + "{\"target\":{\"type\":\"CONNECTION\",\"connectionId\":" + t.secure + "},\"set\":{\"client-auth\":\"0\"}}]}")
                .andExpect(status().isOk());

        assertThat(t.api.counts()).isEqualTo(counts);
        assertThat(revisions.current()).isEqualTo(revision);
        assertThat(jdbc.queryForList("select id, version from application order by id")).isEqualTo(versions);
        assertThat(jdbc.queryForObject("select count(*) from application_option where application_id = ? and option_key = ?",
                Long.class, t.confservId, "sec-protocol")).isEqualTo(1);
        assertThat(t.api.count("audit_entry")).isEqualTo(auditEntries);
        t.api.asAdmin(get("/api/v1/connections/{id}/effective-policy", t.secure)).andExpect(jsonPath("$.grade").value("B"));
    }

    @Test
    void anAuditorMayPreview() throws Exception {
        var auditor = accounts.create("eff-auditor", Role.AUDITOR);
        t.api.as(auditor.username(), TestAccounts.PASSWORD, post("/api/v1/preview"),
                        "{\"changes\":[{\"target\":{\"type\":\"HOST\",\"name\":\"" + t.serverHost + "\"},\"set\":{\"tls-mutual\":\"1\"}}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.impacted").value(3));
    }

    @Test
    void unknownTargetsAndInvalidValuesAre400sNamingTheField() throws Exception {
        preview("{\"changes\":[{\"target\":{\"type\":\"HOST\",\"name\":\"no-such-host-eff\"},\"set\":{\"tls-mutual\":\"1\"}},"
                + "{\"target\":{\"type\":\"APPLICATION\",\"name\":\"" + t.confserv + "\"},\"set\":{\"sec-protocol\":\"TLSv99\"}},"
                + "{\"target\":{\"type\":\"PORT\",\"name\":\"" + t.confserv + "\",\"portId\":\"nope\"}},"
                + "{\"target\":{\"type\":\"CONNECTION\",\"connectionId\":987654321}}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains("changes[0].target.name", "changes[1].set.sec-protocol",
                        "changes[2].target.portId", "changes[3].target.connectionId")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("no-such-host-eff")))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("TLSv99")));
        preview("{\"changes\":[{\"target\":{\"type\":\"PLANET\",\"name\":\"x\"}}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changes[0].target.type"));
        preview("{\"changes\":[{\"target\":{\"type\":\"PORT\",\"name\":\"" + t.confserv + "\",\"portId\":\"default\"},"
                + "\"set\":{\"client-auth\":\"0\"}}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changes[0].set.client-auth"));
        preview("{\"changes\":[]}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("changes"));
        preview("{\"changes\":[{\"target\":{\"type\":\"HOST\",\"name\":\"" + t.serverHost + "\"},\"colour\":\"red\"}]}")
                .andExpect(status().isBadRequest());
    }

    private org.springframework.test.web.servlet.ResultActions preview(String json) throws Exception {
        return t.api.asAdmin(post("/api/v1/preview"), json);
    }

}
