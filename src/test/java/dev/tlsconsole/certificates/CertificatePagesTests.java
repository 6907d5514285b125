package dev.tlsconsole.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.tlsconsole.support.ConsoleTest;

/**
 * The certificate screens as each role sees them, and their forms end to end (MockMvc, real
 * services): what is shown, what is hidden, what a bad submission says, and that it stored nothing.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificatePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private long ca;
    private long issued;
    private String caName;

    @BeforeAll
    void createACaAndACertificate() throws Exception {
        caName = "Pages CA " + System.nanoTime();
        String location = mvc.perform(post("/authorities/new").with(operator()).with(csrf())
                        .param("name", caName).param("subject", "CN=" + caName).param("keyAlgorithm", "EC_P256")
                        .param("validityDays", "1000").param("parent", "").param("crlDistributionUrl", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "authorities.created"))
                .andReturn().getResponse().getRedirectedUrl();
        ca = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String certificate = mvc.perform(post("/authorities/" + ca + "/issue").with(operator()).with(csrf())
                        .param("subject", "CN=pages-host").param("sans", "DNS:pages-host\nIP:10.9.8.7").param("usage", "SERVER")
                        .param("validityDays", "20").param("keyAlgorithm", "").param("name", "pages-host " + ca))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        issued = Long.parseLong(certificate.substring(certificate.lastIndexOf('/') + 1));
    }

    @Test
    void theInventoryShowsBandsAndTheCertificateInItsBand() throws Exception {
        Document page = page("/certificates?band=WITHIN_30_DAYS&q=pages-host", auditor());
        assertThat(page.select("[data-testid=certificate-row-" + issued + "] [data-testid=band-WITHIN_30_DAYS]")).hasSize(1);
        assertThat(page.select("[data-testid=band-count-WITHIN_30_DAYS]").text()).isNotEqualTo("0");
        assertThat(page.select("[data-testid=import-certificate]")).as("no import button for an auditor").isEmpty();
        Document none = page("/certificates?q=no-such-certificate-anywhere", auditor());
        assertThat(none.select("[data-testid=certificates-empty]").text()).contains("No certificate matches");
        mvc.perform(get("/certificates?sort=secret").with(auditor())).andExpect(status().isBadRequest());
        mvc.perform(get("/certificates?band=SOON").with(auditor())).andExpect(status().isBadRequest());
    }

    @Test
    void theCertificatePageShowsEveryFieldAndOffersWhatTheRoleMayDo() throws Exception {
        Document asAuditor = page("/certificates/" + issued, auditor());
        assertThat(asAuditor.select("[data-testid=field-sans]").text()).contains("DNS:pages-host", "IP:10.9.8.7");
        assertThat(asAuditor.select("[data-testid=field-sha1]").attr("value")).matches("[0-9A-F]{40}");
        assertThat(asAuditor.select("[data-testid=chain-element]")).hasSize(1);
        assertThat(asAuditor.select("[data-testid=revoke-form], [data-testid=export-form], [data-testid=rename-form]")).isEmpty();
        assertThat(asAuditor.select("[data-testid=object-history]")).hasSize(1);

        Document asOperator = page("/certificates/" + issued, operator());
        assertThat(asOperator.select("[data-testid=revoke-form]").attr("data-confirm")).contains("Revoke");
        assertThat(asOperator.select("[data-testid=revoke-reason] option")).extracting(o -> o.attr("value"))
                .contains("keyCompromise", "superseded").doesNotContain("removeFromCRL");
        assertThat(asOperator.select("[data-testid=export-form]")).as("export is for ADMIN").isEmpty();

        Document asAdmin = page("/certificates/" + issued, admin());
        assertThat(asAdmin.select("[data-testid=export-form]")).hasSize(1);
        assertThat(asAdmin.html()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void anAdminExportsAPkcs12AndAMismatchedPasswordIsRefused() throws Exception {
        mvc.perform(post("/certificates/" + issued + "/export-key").with(admin()).with(csrf())
                        .param("format", "PKCS12").param("password", "one-password").param("confirmPassword", "other"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("the two passwords differ")));
        mvc.perform(post("/certificates/" + issued + "/export-key").with(admin()).with(csrf())
                        .param("format", "PKCS12").param("password", "").param("confirmPassword", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("needs a password")));
        mvc.perform(post("/certificates/" + issued + "/export-key").with(admin()).with(csrf())
                        .param("format", "PKCS12").param("password", "one-password").param("confirmPassword", "one-password"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/x-pkcs12"));
        mvc.perform(post("/certificates/" + issued + "/export-key").with(operator()).with(csrf())
                        .param("format", "PEM"))
                .andExpect(status().isForbidden());
    }

    @Test
    void importingByPasteAndByUploadAndTheirRefusals() throws Exception {
        Map<String, Long> before = CertificateTables.counts(jdbc);
        Document refused = Jsoup.parse(mvc.perform(multipart("/certificates/new").with(operator()).with(csrf())
                        .param("pem", CertificateFixtures.text("rsa-leaf.pem"))
                        .param("privateKeyPem", CertificateFixtures.text("other-rsa.pkcs8.key")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("[data-testid=privateKeyPem-error]").text()).contains("does not belong to the certificate");
        assertThat(refused.select("[data-testid=import-pem]").text()).as("the certificate paste is kept").contains("BEGIN CERTIFICATE");
        assertThat(refused.html()).as("a private key is never sent back").doesNotContain("PRIVATE KEY");
        Document wrongPassword = Jsoup.parse(mvc.perform(multipart("/certificates/new")
                        .file(new MockMultipartFile("file", "ec.p12", "application/x-pkcs12", CertificateFixtures.bytes("ec-leaf.p12")))
                        .param("password", "wrong").with(operator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(wrongPassword.select("[data-testid=password-error]").text()).contains("wrong password");
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);

        String location = mvc.perform(multipart("/certificates/new")
                        .file(new MockMultipartFile("file", "ec.p12", "application/x-pkcs12", CertificateFixtures.bytes("ec-leaf.p12")))
                        .param("password", CertificateFixtures.PASSWORD).param("name", "pages upload").with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/certificates/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page("/certificates/" + id, operator()).select("[data-testid=has-private-key]")).hasSize(1);
        CertificateTables.deleteCertificates(jdbc, java.util.List.of(id));
    }

    @Test
    void revokingFromThePageShowsTheRevocationAndTheCrl() throws Exception {
        String location = mvc.perform(post("/authorities/" + ca + "/issue").with(operator()).with(csrf())
                        .param("subject", "CN=pages-revoked").param("sans", "DNS:pages-revoked").param("usage", "BOTH")
                        .param("validityDays", "200").param("name", "pages-revoked " + ca))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/certificates/" + id + "/revoke").with(operator()).with(csrf()).param("reason", "keyCompromise"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "certificates.revokedFlash"));
        Document page = page("/certificates/" + id, operator());
        assertThat(page.select("[data-testid=status-REVOKED]")).hasSize(1);
        assertThat(page.select("[data-testid=field-revoked]").text()).contains("keyCompromise");
        assertThat(page.select("[data-testid=revoke-form]")).isEmpty();
        mvc.perform(post("/certificates/" + id + "/revoke").with(operator()).with(csrf()).param("reason", "superseded"))
                .andExpect(flash().attribute("errorArg", containsString("already revoked")));
        Document authority = page("/authorities/" + ca, auditor());
        assertThat(authority.select("[data-testid=authority-crls] tbody tr")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(authority.select("[data-testid=publish-crl]")).isEmpty();
    }

    @Test
    void badCaAndIssueFormsShowEveryProblemAndStoreNothing() throws Exception {
        Map<String, Long> before = CertificateTables.counts(jdbc);
        Document ca = Jsoup.parse(mvc.perform(post("/authorities/new").with(operator()).with(csrf())
                        .param("name", "").param("subject", "nonsense").param("validityDays", "many").param("keyAlgorithm", "EC_P256"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(ca.select("[data-testid=validityDays-error]").text()).contains("whole number");
        Document issue = Jsoup.parse(mvc.perform(post("/authorities/" + this.ca + "/issue").with(operator()).with(csrf())
                        .param("subject", "").param("sans", "DNS:x").param("usage", "SERVER").param("validityDays", "9999"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(issue.select("[data-testid=subject-error]").text()).contains("required");
        assertThat(issue.select("[data-testid=validityDays-error]").text()).contains("825");
        Document csr = Jsoup.parse(mvc.perform(post("/authorities/" + this.ca + "/sign-csr").with(operator()).with(csrf())
                        .param("csrPem", CertificateFixtures.text("weak-rsa-1024.csr")).param("usage", "SERVER").param("validityDays", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(csr.select("[data-testid=csrPem-error]").text()).contains("1024 bits");
        assertThat(CertificateTables.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void theChainCheckPageWorksForAnAuditor() throws Exception {
        Document result = Jsoup.parse(mvc.perform(post("/certificates/validate").with(auditor()).with(csrf())
                        .param("chain", CertificateFixtures.text("rsa-leaf.pem") + CertificateFixtures.text("intermediate-ca.pem"))
                        .param("trusted", CertificateFixtures.text("root-ca.pem")).param("hostname", "cfg-host-1")
                        .param("purpose", "SERVER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(result.select("[data-testid=validate-verdict]").text()).contains("refuse");
        assertThat(result.select("[data-testid=problem-HOST_NAME_MISMATCH]")).hasSize(1);
        Document bad = Jsoup.parse(mvc.perform(post("/certificates/validate").with(auditor()).with(csrf())
                        .param("chain", "junk").param("trusted", "").param("at", "tomorrow"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("[data-testid=at-error]").text()).contains("not a date");
    }

    @Test
    void crlPagesListAndShowEntries() throws Exception {
        Document list = page("/crls?issuer=" + caName, auditor());
        assertThat(list.select("[data-testid=crls-table] tbody tr")).isNotEmpty();
        assertThat(list.select("[data-testid=import-crl]")).isEmpty();
        Document form = page("/crls/new", operator());
        assertThat(form.select("[data-testid=crl-import-form]")).hasSize(1);
        Document refused = Jsoup.parse(mvc.perform(multipart("/crls/new").with(operator()).with(csrf()).param("crlPem", "junk"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("[data-testid=crlPem-error]").text()).contains("not a PEM or DER");
    }

    @Test
    void theNewCaFormsDefaultsPostAsTheyAreForARootAndThenForAnIntermediateUnderIt() throws Exception {
        String root = "Defaults-root-" + System.nanoTime();
        Document rootForm = page("/authorities/new", operator());
        String rootDays = rootForm.select("[data-testid=authority-validity]").val();
        String rootLocation = mvc.perform(post("/authorities/new").with(operator()).with(csrf())
                        .param("name", root).param("subject", "CN=" + root).param("keyAlgorithm", "EC_P256")
                        .param("validityDays", rootDays).param("parent", "").param("crlDistributionUrl", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        // the root's page offers "New intermediate": that form's default must be what the root allows
        Document rootPage = page(rootLocation, operator());
        String newIntermediate = rootPage.select("[data-testid=new-intermediate]").attr("href");
        Document form = page(newIntermediate, operator());
        String days = form.select("[data-testid=authority-validity]").val();
        assertThat(Integer.parseInt(days)).isLessThan(Integer.parseInt(rootDays)).isPositive();
        assertThat(form.select("[data-testid=authority-parent] option[selected]").val()).isEqualTo(root);
        assertThat(form.select("[data-testid=authority-parent] option[value=\"" + root + "\"]").attr("data-validity-days"))
                .as("choosing the parent in the list proposes the same").isEqualTo(days);
        String intermediate = "Defaults-intermediate-" + System.nanoTime();
        mvc.perform(post("/authorities/new").with(operator()).with(csrf())
                        .param("name", intermediate).param("subject", "CN=" + intermediate).param("keyAlgorithm", "EC_P256")
                        .param("validityDays", days).param("parent", root).param("crlDistributionUrl", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "authorities.created"));
    }

    @Test
    void theDashboardShowsTheExpiryTimeline() throws Exception {
        Document dashboard = page("/", auditor());
        assertThat(dashboard.select("[data-testid=expiry-timeline]")).hasSize(1);
        assertThat(dashboard.select("[data-testid=expiry-next-" + issued + "]")).hasSize(1);
        assertThat(dashboard.select("[data-testid=tile-certificates]")).hasSize(1);
        assertThat(dashboard.select("[data-testid=nav-certificates]")).hasSize(1);
    }

    @Test
    void whereUsedAndTheBundleAreForEveryoneAssigningIsNot() throws Exception {
        Document usages = page("/certificates/" + issued + "/usages", auditor());
        assertThat(usages.select("[data-testid=usages-empty]").text()).contains("Not used");
        mvc.perform(get("/certificates/" + issued + "/bundle").with(auditor()))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/zip"));
        Document assign = page("/certificates/" + issued + "/assign", operator());
        assertThat(assign.select("[data-testid=assign-target]")).hasSize(1);
        // the preview changes nothing: an AUDITOR may read it (issue 10)
        mvc.perform(post("/certificates/" + issued + "/assign/preview").with(auditor()).with(csrf()).param("target", "HOST|nowhere"))
                .andExpect(status().isOk());
        Document problem = Jsoup.parse(mvc.perform(post("/certificates/" + issued + "/assign/preview").with(operator()).with(csrf())
                        .param("target", "HOST|no-such-host-anywhere"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(problem.select("[data-testid=assign-problem]").text()).contains("no-such-host-anywhere");
        assertThat(problem.select("[data-testid=assign-preview-result]")).isEmpty();
    }

    @Test
    void pagesOfUnknownObjectsAre404() throws Exception {
        mvc.perform(get("/certificates/999999").with(auditor()).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/authorities/999999").with(auditor()).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/crls/999999").with(auditor()).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/authorities/999999/issue").with(operator()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andExpect(content().string(not(containsString("Exception"))));
    }

    private Document page(String path, RequestPostProcessor user) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static RequestPostProcessor operator() {
        return user("pages-operator").roles("OPERATOR");
    }

    private static RequestPostProcessor auditor() {
        return user("pages-auditor").roles("AUDITOR");
    }

    private static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }
}
