package dev.tlsconsole.certificates.crl;

import static dev.tlsconsole.certificates.CertificateFixtures.bytes;
import static dev.tlsconsole.certificates.CertificateFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.certificates.CertificateTables;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * CRLs of external CAs: verified against the CA when it is in the inventory, kept unverified
 * otherwise, and the newest one decides which of that CA's certificates are REVOKED.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrlImportApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Long> certificates = new ArrayList<>();
    private final List<Long> crls = new ArrayList<>();
    private String operator;

    @BeforeAll
    void createOperator() {
        operator = accounts.create("crl-operator", Role.OPERATOR).username();
    }

    @AfterEach
    void cleanUp() {
        crls.forEach(id -> jdbc.update("delete from crl where id = ?", id));
        crls.clear();
        CertificateTables.deleteCertificates(jdbc, certificates);
        certificates.clear();
    }

    @Test
    void aCrlOfAKnownCaIsVerifiedAndRevokesItsCertificates() throws Exception {
        certificates.add(importCertificate("intermediate-ca.pem"));
        long leaf = importCertificate("rsa-leaf.pem");
        certificates.add(leaf);
        String imported = importPem(text("intermediate.crl.pem"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.issuer").value("CN=Fixture Intermediate CA,O=Fixture Org"))
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.issuerCertificateId").value(certificates.get(0)))
                .andExpect(jsonPath("$.entryCount").value(1))
                .andExpect(jsonPath("$.crlNumber").value("4096"))
                .andExpect(jsonPath("$.origin").value("IMPORTED"))
                .andReturn().getResponse().getContentAsString();
        long crl = remember(imported);
        mvc.perform(get("/api/v1/certificates/" + leaf).with(auth()))
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revocationReason").value("keyCompromise"));
        mvc.perform(get("/api/v1/crls/" + crl).with(auth()))
                .andExpect(jsonPath("$.entries[0].reason").value("keyCompromise"));
        mvc.perform(get("/api/v1/crls/" + crl + "/crl").with(auth()))
                .andExpect(content().contentType("application/pkix-crl"))
                .andExpect(content().bytes(bytes("intermediate.crl.der")));
        mvc.perform(get("/api/v1/crls?issuer=Fixture Intermediate").with(auth()))
                .andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void aCrlOfAnUnknownCaIsKeptUnverified() throws Exception {
        remember(mvc.perform(multipart("/api/v1/crls").file(new MockMultipartFile("file", "intermediate.crl",
                        "application/pkix-crl", bytes("intermediate.crl.der"))).with(auth()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verified").value(false))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void refusalsStoreNothing() throws Exception {
        remember(importPem(text("intermediate.crl.pem")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        Map<String, Long> before = CertificateTables.counts(jdbc);
        importPem(text("intermediate.crl.pem")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already stored")));
        importPem("garbage").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("crlPem"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("not a PEM or DER")));
        importPem(null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("crlPem"));
        mvc.perform(multipart("/api/v1/crls").with(auth())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aCrlMustVerifyWithTheKnownCa() throws Exception {
        certificates.add(importCertificate("intermediate-ca.pem"));
        Map<String, Long> before = CertificateTables.counts(jdbc);
        byte[] tampered = bytes("intermediate.crl.der");
        tampered[tampered.length - 5] ^= 0x01;
        mvc.perform(multipart("/api/v1/crls").file(new MockMultipartFile("file", "tampered.crl", "application/pkix-crl", tampered))
                        .with(auth()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("does not verify")));
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    private long importCertificate(String fixture) throws Exception {
        String response = mvc.perform(post("/api/v1/certificates").with(auth()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("pem", text(fixture)))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    private ResultActions importPem(String pem) throws Exception {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("crlPem", pem);
        return mvc.perform(post("/api/v1/crls").with(auth()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private long remember(String response) {
        long id = ((Number) JsonPath.read(response, "$.id")).longValue();
        crls.add(id);
        return id;
    }

    private RequestPostProcessor auth() {
        return httpBasic(operator, TestAccounts.PASSWORD);
    }
}
