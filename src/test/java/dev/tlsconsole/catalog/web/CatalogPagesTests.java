package dev.tlsconsole.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.CatalogMatrix;
import dev.tlsconsole.support.ConsoleTest;

/** The matrix screens as served: what the HTML shows, without JavaScript and for htmx. */
@ConsoleTest
class CatalogPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;
    @Autowired
    CatalogMatrix matrix;
    @Autowired
    SpringTemplateEngine templates;

    private static MockHttpServletRequestBuilder asAuditor(MockHttpServletRequestBuilder request) {
        return request.accept(MediaType.TEXT_HTML).with(user("catalog-page-reader").roles("AUDITOR"));
    }

    private Document page(String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = asAuditor(get(path));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private Document htmx(String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = asAuditor(get(path)).header("HX-Request", "true");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theMatrixShowsEveryComponentTheLegendAndTheCatalogueWideNotes() throws Exception {
        Document page = page("/catalog");

        assertThat(page.select("[data-testid=matrix-row]")).hasSize(catalog.components().size());
        assertThat(page.select("[data-testid=matrix-column]")).hasSize(catalog.components().size());
        assertThat(page.select("tr.mx-rowgroup")).hasSize(catalog.groups().size());
        assertThat(page.select("[data-testid=matrix-legend]").text()).contains("ESP").contains("wildcard rule");
        assertThat(page.select("[data-testid=catalog-notes-list] li")).hasSize(3);
        assertThat(page.select("[data-testid=catalog-notes]").text())
                .contains("it does not say which type").contains("FIPS").contains("TLS 1.1");
        assertThat(page.select("[data-testid=catalog-csv]").attr("href")).isEqualTo("/catalog/links.csv");
        assertThat(page.select("[data-testid=nav-matrix]").hasClass("active")).isTrue();
    }

    @Test
    void cellsShowVersionsThePortRuleAndWildcardsDistinctly() throws Exception {
        Document page = page("/catalog");

        Element esp = cell(page, "Interaction Server", "Chat Server");
        assertThat(esp.hasClass("mx-x")).isTrue();
        assertThat(esp.select(".mx-v").eachText()).containsExactly("8.1.0", "8.1.0");
        assertThat(esp.select(".mx-esp").text()).isEqualTo("ESP");

        Element wildcard = cell(page, "GVP Media Control Platform", "SIP Server");
        assertThat(wildcard.hasClass("mx-w")).isTrue();
        assertThat(wildcard.hasClass("mx-n")).as("the rule has a note").isTrue();
        assertThat(wildcard.selectFirst("a").attr("title")).contains("gvp-sip-server");

        Element oneVersion = cell(page, "Chat Server", "Configuration Server");
        assertThat(oneVersion.select(".mx-v").eachText()).containsExactly("8.1.0", "·");
        assertThat(page.select("tr[data-component='Universal Contact Server'] a.mx-link[href$='to=Chat%20Server']"))
                .as("UCS → Chat Server is not listed").isEmpty();
    }

    @Test
    void theFilterWorksWithPlainGetParameters() throws Exception {
        Document page = page("/catalog", "group", "eServices", "scope", "only");

        assertThat(page.select("[data-testid=matrix-row]").eachAttr("data-component"))
                .isNotEmpty().allMatch(name -> catalog.require(name).group().equals("eServices"));
        assertThat(page.select("[data-testid=matrix-filter-group] option[selected]").text()).isEqualTo("eServices");
        assertThat(page.select("[data-testid=matrix-filter-scope] option[selected]").val()).isEqualTo("only");
        assertThat(page.select("[data-testid=matrix-filter-reset]")).hasSize(1);

        Document peers = page("/catalog", "name", "chat server");
        assertThat(peers.select("[data-testid=matrix-row] .mx-match").eachText()).containsExactly("Chat Server");
        assertThat(peers.select("td.mx-ctx")).isNotEmpty();
    }

    @Test
    void anEmptyFilterResultExplainsItself() throws Exception {
        Document nothing = page("/catalog", "name", "zzz-nothing");
        assertThat(nothing.select("[data-testid=matrix-empty]").text()).contains("No component matches this filter");
        assertThat(nothing.select("[data-testid=matrix-table]")).isEmpty();

        Document unlinked = page("/catalog", "group", "CCPulse+", "scope", "only");
        assertThat(unlinked.select("[data-testid=matrix-empty]").text()).contains("have no links");
    }

    @Test
    void aCellOpensAsAPageOrAsTheSidePanelFragment() throws Exception {
        Document full = page("/catalog/pair", "from", "Interaction Server", "to", "Chat Server");
        assertThat(full.select("[data-testid=navbar]")).hasSize(1);
        assertThat(full.select("[data-testid=pair-details]").text()).contains("Only the port named ESP");

        Document panel = htmx("/catalog/pair", "from", "MCP", "to", "SIP Server");
        assertThat(panel.select("[data-testid=navbar]")).isEmpty();
        assertThat(panel.select("[data-testid=link-gvp-sip-server] [data-testid=rule-definition]").text())
                .contains("every component of the GVP group");
        assertThat(panel.select("[data-testid=link-gvp-sip-server] [data-testid=note-kind-PRODUCT_SPECIFIC]")).hasSize(1);

        Document unlisted = htmx("/catalog/pair", "from", "UCS", "to", "Chat Server");
        assertThat(unlisted.select("[data-testid=pair-none]").text()).contains("lists no TLS connection");
    }

    @Test
    void theComponentPageShowsNotesLinksAndRules() throws Exception {
        Document ucs = page("/catalog/components/Universal Contact Server");

        assertThat(ucs.select("[data-testid=component-group]").text()).isEqualTo("eServices");
        assertThat(ucs.select("[data-testid=component-aliases]").text()).contains("UCS");
        assertThat(ucs.select("[data-testid=component-notes] [data-testid=note-kind-PRODUCT_SPECIFIC]")).hasSize(2);
        assertThat(ucs.select("[data-testid=component-notes]").text()).contains("log on as a local host user");
        assertThat(ucs.select("[data-testid=connected-from-link]").eachAttr("data-peer"))
                .contains("Chat Server", "Interaction Server", "E-mail Server");
        assertThat(ucs.select("[data-testid=connected-from-rule]").eachAttr("data-rule")).contains("icon-all-servers");
        assertThat(ucs.select("[data-testid=connected-from-rule][data-rule=icon-all-servers]").text())
                .contains("Between the ICON Server and all other Genesys Servers").contains("Seed: Interaction Concentrator");
    }

    @Test
    void anAliasRedirectsToTheCanonicalPageAndAnUnknownNameIs404() throws Exception {
        mvc.perform(asAuditor(get("/catalog/components/UCS")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/catalog/components/Universal%20Contact%20Server"));
        mvc.perform(asAuditor(get("/catalog/components/Nope Server"))).andExpect(status().isNotFound());
        assertThat(page("/catalog/components/CCPulse+").select("[data-testid=component-name]").text())
                .isEqualTo("CCPulse+");
        assertThat(page("/catalog/components/Web API Server .NET").select("[data-testid=component-name]").text())
                .isEqualTo("Web API Server .NET");
    }

    @Test
    void theCheckFormAnswersWithoutJavaScriptAndAsAnHtmxFragment() throws Exception {
        Document page = page("/catalog/components/Chat Server", "from", "Chat Server", "fromVersion", "8.0.5",
                "to", "IXN", "toVersion", "8.1.0", "port", "");
        assertThat(page.select("[data-testid=check-verdict-text]").text()).isEqualTo("Listed, but not supported as given");
        assertThat(page.select("[data-testid=check-reasons]").text()).contains("8.0.5 is older than 8.1.0");
        assertThat(page.select("[data-testid=check-to]").val()).isEqualTo("IXN");

        Document fragment = htmx("/catalog/components/Interaction Server", "from", "Interaction Server",
                "fromVersion", "8.1.0", "to", "Chat Server", "toVersion", "8.1.0", "port", "ESP");
        assertThat(fragment.select("[data-testid=navbar]")).isEmpty();
        assertThat(fragment.select("[data-testid=check-verdict]").attr("data-supported")).isEqualTo("true");
    }

    @Test
    void aBadCheckNamesEveryFieldOnTheForm() throws Exception {
        Document page = page("/catalog/components/Chat Server", "from", "Chat Server", "fromVersion", "8.x",
                "to", "Nope Server", "toVersion", "");

        assertThat(page.select("[data-testid=check-problems] li").eachAttr("data-field"))
                .containsExactly("fromVersion", "to");
        assertThat(page.select("[data-testid=check-problems]").text()).contains("'8.x' is not a version")
                .contains("'Nope Server' is not a component name");
        assertThat(page.select("[data-testid=check-verdict]")).isEmpty();
    }

    @Test
    void theSearchJumpsListsOrSaysNothingMatched() throws Exception {
        mvc.perform(asAuditor(get("/catalog/search").param("q", "ctic")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/catalog/components/GVP%20CTI%20Connector"));
        mvc.perform(asAuditor(get("/catalog/search").param("q", "Siebel CRM")))
                .andExpect(redirectedUrl("/catalog/components/Siebel"));
        mvc.perform(asAuditor(get("/catalog/search").param("q", " ")))
                .andExpect(redirectedUrl("/catalog"));

        Document several = page("/catalog/search", "q", "proxy");
        assertThat(several.select("[data-testid=catalog-search-result]").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("Configuration Server Proxy"))
                .anySatisfy(t -> assertThat(t).startsWith("CPD Proxy Server"));

        Document none = page("/catalog/search", "q", "Mainframe");
        assertThat(none.select("[data-testid=catalog-search-none]").text())
                .contains("No component name or alias contains \"Mainframe\"");
    }

    @Test
    void theCsvButtonDownloadsWithTheBrowserSession() throws Exception {
        mvc.perform(asAuditor(get("/catalog/links.csv")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("catalog-links.csv")))
                .andExpect(content().string(containsString("interaction-server--chat-server")));
    }

    @Test
    void theCellFragmentRendersFromItsSlotAloneForOtherScreensToReuse() {
        var client = catalog.require("Interaction Server");
        var server = catalog.require("Chat Server");
        Context context = new Context();
        context.setVariable("slot", new MatrixSlot(client, server, matrix.cell(client, server).orElseThrow(), false, false));
        context.setVariable("pairBase", "/catalog/pair");

        Element cell = Jsoup.parseBodyFragment("<table><tr>"
                + templates.process("catalog/matrix", Set.of("cell"), context) + "</tr></table>").selectFirst("td");

        assertThat(cell.attr("data-testid")).isEqualTo("matrix-cell");
        assertThat(cell.selectFirst("a").attr("href")).isEqualTo("/catalog/pair?from=Interaction%20Server&to=Chat%20Server");
        assertThat(cell.select(".mx-esp").text()).isEqualTo("ESP");
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/catalog").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));
    }

    private static Element cell(Document page, String from, String to) {
        Element link = page.selectFirst("tr[data-component='" + from + "'] a.mx-link[href$='to="
                + to.replace(" ", "%20") + "']");
        assertThat(link).as(from + " → " + to).isNotNull();
        return link.parent();
    }
}
