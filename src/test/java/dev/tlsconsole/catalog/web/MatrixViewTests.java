package dev.tlsconsole.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.CatalogLoader;
import dev.tlsconsole.catalog.CatalogMatrix;
import dev.tlsconsole.catalog.Component;

/** How a filter narrows the grid: which rows and columns stay, which cells fade, and when it is empty. */
class MatrixViewTests {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final CatalogMatrix MATRIX = new CatalogMatrix(CATALOG);

    private static MatrixView view(String group, String name, String scope) {
        return MatrixView.build(MATRIX, MatrixFilter.of(group, name, scope));
    }

    private static List<Component> rows(MatrixView view) {
        return view.rowGroups().stream().flatMap(g -> g.rows().stream()).map(MatrixView.Row::component).toList();
    }

    private static List<Component> columns(MatrixView view) {
        return view.columns().stream().map(MatrixView.Column::component).toList();
    }

    @Test
    void withoutAFilterEveryComponentIsARowAndAColumnInGroupOrder() {
        MatrixView view = view(null, " ", null);

        assertThat(view.filter().active()).isFalse();
        assertThat(rows(view)).hasSize(CATALOG.components().size()).isEqualTo(columns(view));
        assertThat(view.rowGroups()).extracting(g -> g.group().name())
                .isEqualTo(CATALOG.groups().stream().map(g -> g.name()).toList());
        assertThat(view.cellCount()).isEqualTo(MATRIX.coveredPairs());
        assertThat(view.columnGroups().stream().mapToInt(MatrixView.ColumnGroup::span).sum())
                .isEqualTo(view.columns().size());
        assertThat(view.rowGroups().stream().flatMap(g -> g.rows().stream()).flatMap(r -> r.slots().stream()))
                .noneMatch(MatrixSlot::context);
    }

    @Test
    void aGroupShowsItsComponentsWithTheirPeersAndFadesTheRest() {
        MatrixView view = view("eServices", null, "peers");

        assertThat(view.matched()).isEqualTo(CATALOG.componentsIn("eServices").size());
        assertThat(rows(view)).extracting(Component::name).contains("Chat Server", "Stat Server")
                .doesNotContain("Oracle");
        assertThat(columns(view)).extracting(Component::name).contains("Configuration Server", "Chat Server");
        assertThat(rows(view)).hasSizeLessThan(CATALOG.components().size());
        view.rowGroups().stream().flatMap(g -> g.rows().stream()).forEach(row -> {
            assertThat(row.slots()).as(row.component().name() + " has a cell in view").anyMatch(MatrixSlot::filled);
            row.slots().forEach(slot -> assertThat(slot.context()).isEqualTo(
                    !slot.row().group().equals("eServices") && !slot.column().group().equals("eServices")));
        });
        for (int c = 0; c < view.columns().size(); c++) {
            int column = c;
            assertThat(view.rowGroups().stream().flatMap(g -> g.rows().stream()))
                    .as(view.columns().get(c).component().name() + " has a cell in view")
                    .anyMatch(row -> row.slots().get(column).filled());
        }
    }

    @Test
    void onlyKeepsLinksAmongTheMatches() {
        MatrixView view = view("eServices", null, "only");

        assertThat(rows(view)).isNotEmpty().allMatch(c -> c.group().equals("eServices"));
        assertThat(columns(view)).isNotEmpty().allMatch(c -> c.group().equals("eServices"));
        assertThat(view.cellCount()).isLessThan(view("eServices", null, "peers").cellCount());
    }

    @Test
    void aNameFilterMatchesAliasesIgnoringCase() {
        MatrixView view = view(null, "ucs", "only");

        assertThat(view.matched()).as("UCS by alias, and UCS Proxy").isEqualTo(2);
        // the Proxy connects to UCS; UCS does not connect to its Proxy, so its row and the Proxy's column collapse
        assertThat(rows(view)).extracting(Component::name).containsExactly("Universal Contact Server Proxy");
        assertThat(columns(view)).extracting(Component::name).containsExactly("Universal Contact Server");
        assertThat(view.rowGroups().get(0).rows().get(0).matched()).isTrue();
    }

    @Test
    void anEmptyResultSaysWhetherNothingMatchedOrNothingIsLinked() {
        MatrixView nothing = view(null, "no such component", null);
        assertThat(nothing.empty()).isTrue();
        assertThat(nothing.matched()).isZero();

        MatrixView unlinked = view("CCPulse+", null, "only");
        assertThat(unlinked.empty()).isTrue();
        assertThat(unlinked.matched()).isEqualTo(1);
        assertThat(unlinked.columns()).isEmpty();
    }

    @Test
    void aCellKnowsHowToDrawItself() {
        MatrixView view = view("eServices", null, "only");
        MatrixSlot esp = view.rowGroups().get(0).rows().stream()
                .filter(r -> r.component().name().equals("Interaction Server")).findFirst().orElseThrow()
                .slots().stream().filter(s -> s.column().name().equals("Chat Server")).findFirst().orElseThrow();

        assertThat(esp.requiredPortName()).isEqualTo("ESP");
        assertThat(esp.clientVersion()).isEqualTo("8.1.0");
        assertThat(esp.serverVersion()).isEqualTo("8.1.0");
        assertThat(esp.cssClass()).contains("mx-x").doesNotContain("mx-w");
        assertThat(esp.pairQuery()).isEqualTo("from=Interaction%20Server&to=Chat%20Server");
    }
}
