package dev.tlsconsole.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.tlsconsole.support.ConsoleTest;

/**
 * The forms of a certificate's page that other features answer (revoke, assign, the bundle with the key): bad
 * input shows the form again with the problem next to its field and the input kept, and changes nothing.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateFormProblemsTests {

    @Autowired
    MockMvc mvc;

    private long certificate;

    @BeforeAll
    void issueACertificate() throws Exception {
        String caName = "Form problems CA " + System.nanoTime();
        String location = mvc.perform(post("/authorities/new").with(operator()).with(csrf())
                        .param("name", caName).param("subject", "CN=" + caName).param("keyAlgorithm", "EC_P256")
                        .param("validityDays", "1000").param("parent", "").param("crlDistributionUrl", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long ca = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String issued = mvc.perform(post("/authorities/" + ca + "/issue").with(operator()).with(csrf())
                        .param("subject", "CN=form-problems").param("sans", "DNS:form-problems").param("usage", "SERVER")
                        .param("validityDays", "200").param("keyAlgorithm", "").param("name", "form-problems " + ca))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        certificate = Long.parseLong(issued.substring(issued.lastIndexOf('/') + 1));
    }

    @Test
    void aReasonTheCaRefusesIsShownNextToTheReasonAndRevokesNothing() throws Exception {
        Document page = shown(post("/certificates/" + certificate + "/revoke").with(operator()).with(csrf())
                .param("reason", "removeFromCRL"));
        assertThat(page.select("[data-testid=reason-error]").text()).contains("removeFromCRL is only used in delta CRLs");
        assertThat(page.select("[data-testid=revoke-reason]").hasClass("is-invalid")).isTrue();
        assertThat(page.select("[data-testid=revoke-form]")).as("the form is shown again").hasSize(1);

        Document after = page("/certificates/" + certificate, operator());
        assertThat(after.select("[data-testid=status-REVOKED]")).as("not revoked").isEmpty();
        assertThat(after.select("[data-testid=reason-error]")).isEmpty();
    }

    @Test
    void aTargetThatIsNotThereIsShownNextToTheTargetWithTheCrlChoiceKept() throws Exception {
        Document preview = shown(post("/certificates/" + certificate + "/assign/preview").with(operator()).with(csrf())
                .param("target", "HOST|no-such-host-for-forms").param("crl", "true"));
        assertThat(preview.select("[data-testid=target-error]").text()).contains("no-such-host-for-forms");
        assertThat(preview.select("[data-testid=assign-target]").hasClass("is-invalid")).isTrue();
        assertThat(preview.select("[data-testid=assign-crl]").hasAttr("checked")).as("the input is kept").isTrue();
        assertThat(preview.select("[data-testid=assign-preview-result]")).isEmpty();

        Document assign = shown(post("/certificates/" + certificate + "/assign").with(operator()).with(csrf())
                .param("target", "PORT|no-such-application-for-forms|").param("crl", "true"));
        assertThat(assign.select("[data-testid=target-error]").text()).contains("is required");
        assertThat(assign.select("[data-testid=assign-crl]").hasAttr("checked")).isTrue();

        Document usages = page("/certificates/" + certificate + "/usages", operator());
        assertThat(usages.select("[data-testid=usages-empty]").text()).as("nothing assigned").contains("Not used");
    }

    @Test
    void aBundleWithoutItsPasswordIsShownNextToThePasswordWithTheFormatKept() throws Exception {
        Document page = shown(post("/certificates/" + certificate + "/bundle").with(admin()).with(csrf())
                .param("format", "PKCS12").param("password", ""));
        assertThat(page.select("[data-testid=password-error]").text()).contains("password");
        assertThat(page.select("[data-testid=bundle-format] option[selected]").attr("value")).isEqualTo("PKCS12");

        Document zip = shown(post("/certificates/" + certificate + "/bundle").with(admin()).with(csrf())
                .param("format", "RAR").param("password", "never-shown-again"));
        assertThat(zip.select("[data-testid=format-error]").text()).contains("choose ZIP or PKCS12");
        assertThat(zip.html()).as("the password is never sent back").doesNotContain("never-shown-again");
    }

    private Document shown(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString());
    }

    private Document page(String path, RequestPostProcessor user) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static RequestPostProcessor operator() {
        return user("forms-operator").roles("OPERATOR");
    }

    private static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }
}
