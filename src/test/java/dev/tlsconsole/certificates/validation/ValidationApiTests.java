package dev.tlsconsole.certificates.validation;

import static dev.tlsconsole.certificates.CertificateFixtures.text;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.tlsconsole.certificates.x509.HostileChains;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/** {@code POST /certificates/validate}: a chain judged as a TLS client would, by any signed-in user. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    private final JsonMapper json = JsonMapper.builder().build();
    private String auditor;

    @BeforeAll
    void createAuditor() {
        auditor = accounts.create("validator", Role.AUDITOR).username();
    }

    @Test
    void aGoodChainIsValidEvenForAnAuditor() throws Exception {
        validate(request("rsa.example.test", null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.problems").isEmpty())
                .andExpect(jsonPath("$.path[0]").value("CN=rsa.example.test,O=Fixture Org"));
    }

    @Test
    void problemsComeWithTheirCodes() throws Exception {
        validate(request("cfg-host-1", null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems[*].code").value(hasItem("HOST_NAME_MISMATCH")))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("cfg-host-1")));
        Map<String, Object> revoked = request("rsa.example.test", null);
        revoked.put("crlsPem", List.of(text("intermediate.crl.pem")));
        validate(revoked).andExpect(jsonPath("$.problems[*].code").value(hasItem("CERT_REVOKED")));
        validate(request(null, "2000-01-01T00:00:00Z")).andExpect(jsonPath("$.problems[*].code").value(hasItem("CERT_NOT_YET_VALID")));
        Map<String, Object> untrusted = request(null, null);
        untrusted.put("trustedPem", List.of(text("ec-leaf.pem")));
        validate(untrusted).andExpect(jsonPath("$.problems[*].code").value(hasItem("UNTRUSTED_ISSUER")));
    }

    @Test
    void inputThatIsNotPemIsA400NamingTheEntry() throws Exception {
        Map<String, Object> garbage = request(null, null);
        garbage.put("chainPem", List.of("hello"));
        validate(garbage).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("chainPem[0]"));
        Map<String, Object> noRoots = request(null, null);
        noRoots.put("trustedPem", List.of());
        validate(noRoots).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("trustedPem"));
        Map<String, Object> badCrl = request(null, null);
        badCrl.put("crlsPem", List.of(text("root-ca.pem")));
        validate(badCrl).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("crlsPem[0]"));
        Map<String, Object> badTime = request(null, "yesterday");
        validate(badTime).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("at")));
        validate(Map.of()).andExpect(status().isBadRequest());
    }

    @Test
    void aConstraintTheJdkCannotProcessIsAProblemNotA500() throws Exception {
        HostileChains.Pems chain = HostileChains.otherNameForbidden();
        Map<String, Object> body = request("example.com", null);
        body.put("chainPem", chain.chainPem());
        body.put("trustedPem", chain.trustedPem());
        body.put("at", null);

        validate(body).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problems[*].code").value(hasItem("NAME_CONSTRAINTS_VIOLATED")));
    }

    @Test
    void theRequestAdditionsAreHonouredAndCheckedLikeEveryField() throws Exception {
        Map<String, Object> fitting = request(null, null);
        fitting.put("maxChainDepth", 1);
        fitting.put("keyUsage", List.of("digitalSignature", "keyEncipherment"));
        fitting.put("extendedKeyUsage", List.of("serverAuth", "clientAuth"));
        fitting.put("peerNames", List.of(Map.of("type", "DNS", "value", "rsa.example.test"), Map.of("type", "IP", "value", "192.0.2.10")));
        validate(fitting).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));

        Map<String, Object> unfitting = request(null, null);
        unfitting.put("maxChainDepth", 0);
        unfitting.put("extendedKeyUsage", List.of("codeSigning"));
        unfitting.put("peerNames", List.of(Map.of("type", "EMAIL", "value", "ops@example.test")));
        validate(unfitting).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[*].code").value(hasItem("PATH_TOO_LONG")))
                .andExpect(jsonPath("$.problems[*].code").value(hasItem("WRONG_EXTENDED_KEY_USAGE")))
                .andExpect(jsonPath("$.problems[*].code").value(hasItem("HOST_NAME_MISMATCH")));

        Map<String, Object> badType = request(null, null);
        badType.put("peerNames", List.of(Map.of("type", "URI", "value", "https://x")));
        validate(badType).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("peerNames[0].type"));
        Map<String, Object> badUsage = request(null, null);
        badUsage.put("keyUsage", List.of("everything"));
        validate(badUsage).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("keyUsage"));
        Map<String, Object> badDepth = request(null, null);
        badDepth.put("maxChainDepth", -1);
        validate(badDepth).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("maxChainDepth"));
        Map<String, Object> bundle = request(null, null);
        bundle.put("chainPem", List.of(String.join("", java.util.Collections.nCopies(11, text("rsa-leaf.pem")))));
        validate(bundle).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("chainPem[0]"));
    }

    @Test
    void withoutCredentialsItIsA401() throws Exception {
        mvc.perform(post("/api/v1/certificates/validate").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(request(null, null)))).andExpect(status().isUnauthorized());
    }

    private ResultActions validate(Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/v1/certificates/validate").with(httpBasic(auditor, TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private static Map<String, Object> request(String hostname, String at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chainPem", List.of(text("rsa-leaf.pem"), text("intermediate-ca.pem")));
        body.put("trustedPem", List.of(text("root-ca.pem")));
        body.put("hostname", hostname);
        body.put("at", at);
        body.put("crlsPem", List.of());
        return body;
    }
}
