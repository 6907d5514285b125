package dev.tlsconsole.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.certificates.facts.FactsSnapshot;
import dev.tlsconsole.certificates.facts.InventoryFacts;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.PostgresConsoleTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The certificates schema and its queries on a real PostgreSQL: import with a sealed key, a CA with its
 * CRLs, revocation, filters on timestamps, and the facts snapshot's bulk reads.
 */
@PostgresConsoleTest
class CertificatesPostgresTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InventoryFacts facts;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void importIssueRevokeAndTheFactsWorkOnPostgresql() throws Exception {
        long imported = id(post("/api/v1/certificates", Map.of("name", "pg rsa " + System.nanoTime(),
                "pem", CertificateFixtures.text("rsa-chain.pem"), "privateKeyPem", CertificateFixtures.text("rsa-leaf.pkcs8.key")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(jdbc.queryForObject("select count(*) from certificate_chain_element where certificate_id = ?", Long.class, imported))
                .isEqualTo(2);
        String ca = post("/api/v1/authorities", Map.of("name", "PG CA " + System.nanoTime(), "subject", "CN=PG CA",
                "validityDays", 365)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String issued = post("/api/v1/authorities/" + id(ca) + "/issue", Map.of("subject", "CN=pg-host", "sans", List.of("DNS:pg-host"),
                "usage", "SERVER", "validityDays", 20)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        post("/api/v1/certificates/" + id(issued) + "/revoke", Map.of("reason", "cessationOfOperation")).andExpect(status().isOk());

        mvc.perform(get("/api/v1/certificates?status=REVOKED&expiringWithinDays=30&sort=notAfter,desc")
                        .with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id").value(hasItem((int) id(issued))));
        mvc.perform(get("/api/v1/certificates?band=OK&q=RSA.EXAMPLE").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) imported)));

        FactsSnapshot snapshot = facts.snapshot();
        String sha1 = JsonPath.read(issued, "$.sha1Thumbprint");
        var known = snapshot.certificate(sha1).orElseThrow();
        assertThat(snapshot.revocation(known, java.util.Optional.empty()).state()).isEqualTo(RevocationState.REVOKED);
        jdbc.update("delete from certificate where id = ?", imported);
    }

    private ResultActions post(String path, Map<String, ?> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
