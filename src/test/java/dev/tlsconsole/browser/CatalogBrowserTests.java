package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.TestAccounts;

/** An auditor reads the supported-component matrix: the grid, its filters, a cell's notes, components and checks. */
class CatalogBrowserTests extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @BeforeAll
    void signInAsAuditor() {
        String auditor = accounts.create("matrix-reader", Role.AUDITOR).username();
        LoginPage.open(driver, baseUrl()).signIn(auditor, TestAccounts.PASSWORD);
    }

    @Test
    void theGridShowsEveryComponentAsRowAndColumn() {
        MatrixPage matrix = MatrixPage.open(driver, baseUrl());

        assertThat(matrix.rowNames()).contains("Chat Server", "Configuration Server", "Oracle").hasSizeGreaterThan(50);
        assertThat(matrix.columnNames()).contains("Interaction Server", "Message Server");
        assertThat(matrix.columnCount()).isEqualTo(matrix.rowCount());
        assertThat(matrix.cellCount()).isGreaterThan(matrix.rowCount());
    }

    @Test
    void filteringByGroupNarrowsRowsAndColumns() {
        MatrixPage matrix = MatrixPage.open(driver, baseUrl());
        int rows = matrix.rowCount();
        int columns = matrix.columnCount();
        int cells = matrix.cellCount();

        MatrixPage eServices = matrix.filterByGroup("eServices");

        assertThat(eServices.rowCount()).isLessThan(rows).isPositive();
        assertThat(eServices.columnCount()).isLessThan(columns).isPositive();
        assertThat(eServices.cellCount()).isLessThan(cells).isPositive();
        assertThat(eServices.rowNames()).contains("Chat Server", "Interaction Server").doesNotContain("Oracle", "T-Server");
        assertThat(eServices.columnNames()).contains("Configuration Server");
    }

    @Test
    void filteringByNameNarrowsTheGridAndANameNobodyHasShowsTheEmptyState() {
        MatrixPage matrix = MatrixPage.open(driver, baseUrl());
        int rows = matrix.rowCount();
        int cells = matrix.cellCount();

        MatrixPage gvp = matrix.filterByName("GVP");

        assertThat(gvp.rowCount()).isLessThan(rows).isPositive();
        assertThat(gvp.cellCount()).isLessThan(cells).isPositive();
        assertThat(gvp.rowNames()).contains("GVP Media Control Platform", "SIP Server").doesNotContain("Chat Server");

        MatrixPage none = gvp.filterByName("no such component anywhere");
        assertThat(none.showsEmptyState()).isTrue();
        assertThat(none.rowCount()).isZero();
    }

    @Test
    void aWildcardCellNamesItsRuleAndOpensItsNotes() {
        MatrixPage matrix = MatrixPage.open(driver, baseUrl()).filterByGroup("GVP");

        assertThat(matrix.hoverCell("GVP Media Control Platform", "SIP Server")).contains("gvp-sip-server");
        String details = matrix.openCell("GVP Media Control Platform", "SIP Server");

        assertThat(details).contains("GVP Media Control Platform").contains("SIP Server")
                .contains("Wildcard rule gvp-sip-server")
                .contains("GVP does not use the standard TLS configuration in all cases");
    }

    @Test
    void theEspLinkShowsItsRequiredPortInTheDetails() {
        MatrixPage matrix = MatrixPage.open(driver, baseUrl()).filterByGroup("eServices");

        String details = matrix.openCell("Interaction Server", "Chat Server");

        assertThat(details).contains("Only the port named ESP (required name)").contains("Interaction Server 8.1.0+");
    }

    @Test
    void aComponentPageShowsItsNotesWithTheirKind() {
        ComponentPage ucs = ComponentPage.open(driver, baseUrl(), "Universal Contact Server");

        assertThat(ucs.name()).isEqualTo("Universal Contact Server");
        assertThat(ucs.notes()).anySatisfy(note -> assertThat(note)
                .startsWith("Product-specific").contains("the service must log on as a local host user"));

        ComponentPage mcp = ComponentPage.open(driver, baseUrl(), "GVP Media Control Platform");
        assertThat(mcp.connectsTo()).contains("gvp-sip-server").contains("its internal connections use their own format");
    }

    @Test
    void theSearchBoxFindsAComponentByAlias() {
        ComponentPage found = MatrixPage.open(driver, baseUrl()).search("CTIC");

        assertThat(found.name()).isEqualTo("GVP CTI Connector");
    }

    @Test
    void theCheckFormAnswersOnThePage() {
        ComponentPage ixn = ComponentPage.open(driver, baseUrl(), "Interaction Server");

        WebElement wrongPort = ixn.check("8.1.0", "Chat Server", "8.1.0", "default");
        assertThat(wrongPort.getText()).contains("Listed, but not supported as given").contains("ESP");
        WebElement esp = ixn.check("8.1.0", "Chat Server", "8.1.0", "ESP");
        assertThat(esp.getText()).startsWith("Supported");
        assertThat(ixn.notReloaded()).as("htmx answers in place").isTrue();
    }
}
