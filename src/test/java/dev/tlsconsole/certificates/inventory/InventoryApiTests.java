package dev.tlsconsole.certificates.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.MutableClock;
import dev.tlsconsole.support.TestAccounts;
import dev.tlsconsole.support.ConsoleTest;

import tools.jackson.databind.json.JsonMapper;

/** The inventory list and its filters, renaming with versions, and deletion with its safeguards. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String marker = "inv" + System.nanoTime() % 100_000;
    private String operator;
    private long ca;
    private long caCertificate;
    private long week;
    private long month;
    private long year;

    @BeforeAll
    void issueOneCertificatePerBand() throws Exception {
        operator = accounts.create("inventory", Role.OPERATOR).username();
        String created = post("/api/v1/authorities", Map.of("name", "Inventory CA " + marker, "subject", "CN=Inventory CA " + marker,
                "validityDays", 3650)).andReturn().getResponse().getContentAsString();
        ca = id(created);
        caCertificate = ((Number) JsonPath.read(created, "$.certificateId")).longValue();
        week = issue("week", 3);
        month = issue("month", 20);
        year = issue("year", 365);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void bandsStatusAndExpiringWithinDaysFilterTheList() throws Exception {
        assertThat(ids("?q=" + marker + "&band=WITHIN_7_DAYS")).containsExactly(week);
        assertThat(ids("?q=" + marker + "&band=WITHIN_30_DAYS")).containsExactly(month);
        assertThat(ids("?q=" + marker + "&band=OK&ca=false")).containsExactly(year);
        assertThat(ids("?q=" + marker + "&expiringWithinDays=30")).containsExactlyInAnyOrder(week, month);
        assertThat(ids("?q=" + marker + "&authorityId=" + ca + "&sort=notAfter,desc")).containsExactly(year, month, week);
        assertThat(ids("?q=" + marker + "&ca=true")).containsExactly(caCertificate);

        clock.advance(Duration.ofDays(5));
        assertThat(ids("?q=" + marker + "&band=EXPIRED")).containsExactly(week);
        assertThat(ids("?q=" + marker + "&status=EXPIRED")).containsExactly(week);
        assertThat(ids("?q=" + marker + "&expiringWithinDays=30")).as("expired ones have expired, not expiring").containsExactly(month);
        mvc.perform(get("/api/v1/certificates/" + week).with(auth())).andExpect(jsonPath("$.status").value("EXPIRED"))
                .andExpect(jsonPath("$.expiryBand").value("EXPIRED"));
    }

    @Test
    void pagingAndBadParameters() throws Exception {
        int all = ids("?q=" + marker + "&size=100").size();
        assertThat(all).isEqualTo(4);
        mvc.perform(get("/api/v1/certificates?q=" + marker + "&size=2&page=1&sort=name").with(auth()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalElements").value(all)).andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(get("/api/v1/certificates?sort=privateKeySealed").with(auth())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/v1/certificates?expiringWithinDays=-1").with(auth())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiringWithinDays"));
        mvc.perform(get("/api/v1/certificates?band=SOON").with(auth())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("WITHIN_7_DAYS")));
        mvc.perform(get("/api/v1/certificates/abc").with(auth())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/certificates/999999").with(auth())).andExpect(status().isNotFound());
    }

    @Test
    void aRenameBasedOnAnOldVersionIsAConflict() throws Exception {
        String read = mvc.perform(get("/api/v1/certificates/" + year).with(auth())).andReturn().getResponse().getContentAsString();
        Map<String, Object> body = json.readValue(read, Map.class);
        body.put("name", "renamed " + marker);
        mvc.perform(put("/api/v1/certificates/" + year).with(auth()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("renamed " + marker));
        mvc.perform(put("/api/v1/certificates/" + year).with(auth()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", "lost " + marker, "version", body.get("version")))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(((Number) body.get("version")).intValue() + 1))
                .andExpect(jsonPath("$.current.name").value("renamed " + marker));
        mvc.perform(put("/api/v1/certificates/" + year).with(auth()).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void deletionKeepsWhatCrlsAndCasNeed() throws Exception {
        // from a CA named without the marker, so the filter tests never see them
        long otherCa = id(post("/api/v1/authorities", Map.of("name", "Deleting CA " + System.nanoTime(), "subject", "CN=Deleting CA",
                "validityDays", 3650)).andReturn().getResponse().getContentAsString());
        long doomed = issueNamed(otherCa, "doomed-" + System.nanoTime(), 30);
        mvc.perform(delete("/api/v1/certificates/" + doomed).with(auth())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/certificates/" + doomed).with(auth())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/certificates/" + caCertificate).with(auth())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("certificate of a console CA")));
        long revoked = issueNamed(otherCa, "revoked-" + System.nanoTime(), 30);
        post("/api/v1/certificates/" + revoked + "/revoke", Map.of("reason", "superseded")).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/certificates/" + revoked).with(auth())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("must stay on its CRL")));
        String auditor = accounts.create("inventory-reader", Role.AUDITOR).username();
        mvc.perform(delete("/api/v1/certificates/" + year).with(httpBasic(auditor, TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/certificates?q=" + marker).with(httpBasic(auditor, TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) doomed))));
    }

    private long issue(String label, int days) throws Exception {
        return issueNamed(ca, label + "-" + marker, days);
    }

    private long issueNamed(long authority, String name, int days) throws Exception {
        return id(post("/api/v1/authorities/" + authority + "/issue", Map.of("subject", "CN=" + name, "sans", List.of("DNS:" + name),
                "usage", "SERVER", "validityDays", days)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private List<Long> ids(String query) throws Exception {
        String page = mvc.perform(get("/api/v1/certificates" + query).with(auth())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(page, "$.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private ResultActions post(String path, Map<String, ?> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(auth())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor auth() {
        return httpBasic(operator, TestAccounts.PASSWORD);
    }

    private static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
