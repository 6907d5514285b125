package dev.tlsconsole.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.support.ConsoleTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12 acceptance 2: the Help page mirrors the findings catalogue (DESIGN.md §4): every {@link FindingCode}
 * with its title, explanation, severity, how sure, reference and fix, and every option's help; it is reachable
 * from the navigation.
 */
@ConsoleTest
class FindingsHelpPageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyFindingCodeAndEveryOptionHasItsEntry() throws Exception {
        String html = mvc.perform(get("/help").with(user("help-viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);

        assertThat(page.select("[data-testid=nav-help]").attr("href")).isEqualTo("/help");
        for (FindingCode code : FindingCode.values()) {
            Element row = page.selectFirst("[data-testid=help-finding-" + code + "]");
            assertThat(row).as("row of %s", code).isNotNull();
            assertThat(row.id()).isEqualTo("finding-" + code);
            for (String part : new String[] {"help-title", "help-explanation", "help-sure", "help-reference", "help-fix"}) {
                String text = row.select("[data-testid=" + part + "]").text();
                assertThat(text).as("%s of %s", part, code).isNotBlank().doesNotContain("??");
            }
            assertThat(row.attr("data-severity")).as("severity of %s", code).isEqualTo(code.severity().name());
        }
        assertThat(page.selectFirst("[data-testid=help-finding-NO_COMMON_CIPHER] [data-testid=help-sure]").text())
                .as("an unconfirmed fact says so").containsIgnoringCase("unconfirmed");
        for (SecurityOption option : SecurityOption.values()) {
            Element row = page.selectFirst("[data-testid=help-option-" + option.key() + "]");
            assertThat(row).as("row of %s", option.key()).isNotNull();
            assertThat(row.text()).contains(option.help());
        }
    }
}
