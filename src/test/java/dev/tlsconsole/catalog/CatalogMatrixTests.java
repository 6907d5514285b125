package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import dev.tlsconsole.catalog.SupportedLink.Orientation;
import dev.tlsconsole.policy.Version;

/** The grid the matrix screen draws: which links fill which cell, oriented from the row's point of view. */
class CatalogMatrixTests {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final CatalogMatrix MATRIX = new CatalogMatrix(CATALOG);

    private static MatrixCell cell(String client, String server) {
        return MATRIX.cell(CATALOG.require(client), CATALOG.require(server)).orElseThrow();
    }

    @Test
    void anExplicitLinkFillsItsCellWithBothMinimumVersions() {
        MatrixCell cell = cell("Chat Server", "Interaction Server");

        assertThat(cell.wildcardOnly()).isFalse();
        assertThat(cell.primary().link().id()).isEqualTo("chat-server--interaction-server");
        assertThat(cell.primary().clientMinVersion()).isEqualTo(Version.parse("8.1.0"));
        assertThat(cell.primary().serverMinVersion()).isEqualTo(Version.parse("8.1.0"));
        assertThat(cell.requiredPortName()).isNull();
    }

    @Test
    void theEspRowIsDirectional() {
        assertThat(cell("Interaction Server", "Chat Server").requiredPortName()).isEqualTo("ESP");
        assertThat(MATRIX.cell(CATALOG.require("UCS"), CATALOG.require("Chat Server"))).isEmpty();
    }

    @Test
    void aBetweenLinkFillsBothCellsAndIsOrientedFromTheRow() {
        Catalog catalog = CatalogLoaderTests.load("""
                groups: [{name: g, description: test}]
                components:
                  - {name: Alpha, group: g, source: test}
                  - {name: Beta, group: g, source: test}
                links:
                  - {from: Alpha, fromMinVersion: 8.1.0, to: Beta, toMinVersion: 7.6, between: true, source: test}
                """);
        CatalogMatrix matrix = new CatalogMatrix(catalog);

        MatrixCell reversed = matrix.cell(catalog.require("Beta"), catalog.require("Alpha")).orElseThrow();

        assertThat(reversed.primary().orientation()).isEqualTo(Orientation.REVERSED);
        assertThat(reversed.primary().clientMinVersion()).hasToString("7.6");
        assertThat(reversed.primary().serverMinVersion()).hasToString("8.1.0");
        assertThat(matrix.coveredPairs()).isEqualTo(2);
    }

    @Test
    void aPairOnlyARuleCoversIsAWildcardCellWithTheRulesNotes() {
        MatrixCell cell = cell("GVP Media Control Platform", "SIP Server");

        assertThat(cell.wildcardOnly()).isTrue();
        assertThat(cell.primary().link().id()).isEqualTo("gvp-sip-server");
        assertThat(cell.notes()).extracting(Note::id).contains("gvp-nonstandard-format");
    }

    @Test
    void explicitLinksDecideAndTheOthersAreKept() {
        MatrixCell cell = cell("E-mail Server", "Configuration Server");

        assertThat(cell.deciding()).extracting(c -> c.link().id())
                .containsExactly("e-mail-server--configuration-server", "e-mail-server--configuration-server--writable");
        assertThat(cell.moreDeciding()).isEqualTo(1);

        MatrixCell alsoByRule = cell("Chat Server", "Message Server");
        assertThat(alsoByRule.primary().link().id()).isEqualTo("chat-server--message-server");
        assertThat(alsoByRule.wildcards()).extracting(c -> c.link().id()).contains("message-server-clients");
        assertThat(alsoByRule.all()).hasSize(alsoByRule.explicit().size() + alsoByRule.wildcards().size());
    }

    @Test
    void everyCellAgreesWithLinkCheck() {
        LinkCheck check = new LinkCheck(CATALOG);
        int listed = 0;
        for (Component client : CATALOG.components()) {
            for (Component server : CATALOG.components()) {
                LinkCheckResult result = check.check(client.name(), null, server.name(), null, null);
                var cell = MATRIX.cell(client, server);
                assertThat(cell.isPresent()).as(client.name() + " → " + server.name()).isEqualTo(result.listed());
                if (result.listed()) {
                    listed++;
                    assertThat(cell.orElseThrow().deciding()).extracting(MatrixCell.Coverage::link)
                            .contains(result.link());
                }
            }
        }
        assertThat(MATRIX.coveredPairs()).isEqualTo(listed);
    }
}
