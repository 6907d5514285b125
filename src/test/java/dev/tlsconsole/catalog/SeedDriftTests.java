package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.tlsconsole.policy.Version;

/**
 * Keeps the catalog from drifting away from its source: every component section heading of the seed's
 * "Supporting Components" and every component and row of the eServices table must be in the catalog. The seed
 * lives outside the repository ({@code ../shared/seed/}); without it the test is skipped on a developer machine
 * and fails on CI ({@code CI=true}), where a skip would hide drift.
 */
class SeedDriftTests {

    private static final Path SEED = Path.of("..", "shared", "seed", "genesys-tls-introduction.txt");

    /** Headings the PDF extraction left without their "####"; each must still be in the seed text. */
    private static final List<String> HEADINGS_WITHOUT_MARKUP = List.of(
            "Interaction Concentrator (ICON)",
            "Workspace Desktop Edition (formerly known as Interaction Workspace) Components");

    private static final Pattern VERSIONED = Pattern.compile("^(.*?)\\s+(\\d+(?:\\.\\d+)+) and later$");

    private static List<String> seed;
    private static Catalog catalog;

    /** One (From → To, port) statement of the eServices table, after splitting "A or B" targets. */
    record Row(String from, Version fromMin, String to, Version toMin, PortRule portRule, String portName,
               boolean writable) {
    }

    @BeforeAll
    static void readSeed() throws IOException {
        boolean onCi = "true".equals(System.getenv("CI"));
        if (!Files.exists(SEED)) {
            assertThat(onCi).as("the seed %s must exist on CI (CI=true)", SEED.toAbsolutePath()).isFalse();
            Assumptions.abort("seed not found at " + SEED.toAbsolutePath()
                    + ": drift check skipped (it fails instead when CI=true)");
        }
        seed = Files.readAllLines(SEED);
        catalog = CatalogLoader.loadDefault();
    }

    @Test
    void everyComponentSectionHeadingIsInTheCatalog() {
        List<String> headings = supportingComponentsHeadings();
        assertThat(headings).as("headings found in the seed").hasSizeGreaterThanOrEqualTo(25)
                .contains("CCPulse+", "Genesys Info Mart", "Load Distribution Server", "Media Layer Components");

        assertThat(headings).filteredOn(h -> resolve(h).isEmpty())
                .as("seed headings with no component, alias or seedMap entry in catalog.yaml").isEmpty();
    }

    @Test
    void everyComponentOfTheEServicesFromAndToColumnsIsInTheCatalog() {
        List<String> names = new ArrayList<>();
        for (String[] cells : eServicesTable()) {
            if (!cells[0].isBlank()) {
                names.add(nameOf(cells[0]));
            }
        }
        assertThat(names).contains("Chat Server", "Web API Server .NET", "Web ADI Comerciano 9 1 0 and");
        eServicesRows().forEach(row -> names.add(row.to()));

        assertThat(names).filteredOn(n -> resolve(n).isEmpty())
                .as("eServices table names with no component, alias or seedMap entry").isEmpty();
    }

    @Test
    void everyEServicesRowIsAnExplicitLinkWithTheSameVersionsAndPortRule() {
        Set<String> expected = new TreeSet<>();
        eServicesRows().forEach(row -> expected.add(key(row)));
        Set<String> encoded = new TreeSet<>();
        for (SupportedLink link : catalog.explicitLinks()) {
            if (link.source().startsWith("eServices Components (table")) {
                assertThat(link.between()).as("the eServices table is directional: %s", link.id()).isFalse();
                encoded.add(key(link));
            }
        }
        assertThat(expected).as("rows parsed from the seed table").hasSizeGreaterThanOrEqualTo(50);
        assertThat(encoded).as("catalog links taken from the eServices table").isEqualTo(expected);
    }

    private static List<String> supportingComponentsHeadings() {
        List<String> headings = new ArrayList<>();
        boolean inside = false;
        for (String line : seed) {
            String text = line.replace("*", "").replace("#", "").strip();
            if (line.startsWith("## ")) {
                inside = text.equals("Supporting Components") || inside && !text.equals("Feature Description");
            }
            // "#### See Workspace Desktop Edition." is a cross-reference the extraction marked up as a heading.
            if (inside && line.startsWith("####") && !text.startsWith("See ")) {
                headings.add(text);
            }
        }
        for (String heading : HEADINGS_WITHOUT_MARKUP) {
            assertThat(seed).as("a heading listed in this test is still in the seed").contains(heading);
            headings.add(heading);
        }
        return headings;
    }

    /**
     * The table's lines, split into cells. A line with an empty From cell continues the last From; a line with
     * only a To fragment ("or Configuration Server Proxy" after a page break) continues the last To cell.
     */
    private static List<String[]> eServicesTable() {
        int start = seed.indexOf("#### eServices Components");
        List<String[]> rows = new ArrayList<>();
        for (String line : seed.subList(start + 1, seed.size())) {
            if (line.startsWith("In addition to the general procedures")) {
                break;
            }
            String[] cells = (line + "\t \t ").split("\t");
            boolean header = cells[0].equals("From") || cells[0].equals("Component");
            if (!line.contains("\t") || header) {
                continue;
            }
            if (cells[0].isBlank() && cells[2].isBlank() && !rows.isEmpty()) {
                String[] previous = rows.get(rows.size() - 1);
                previous[1] = previous[1].strip() + " " + cells[1].strip();
            } else {
                rows.add(new String[] {cells[0].strip(), cells[1].strip(), cells[2].strip()});
            }
        }
        return rows;
    }

    private static List<Row> eServicesRows() {
        List<Row> rows = new ArrayList<>();
        String from = "";
        for (String[] cells : eServicesTable()) {
            from = cells[0].isBlank() ? from : cells[0];
            boolean writable = cells[1].endsWith("(writable)");
            String targets = cells[1].replace("(writable)", "").strip();
            boolean esp = cells[2].startsWith("ESP");
            for (String target : targets.split(" or ")) {
                rows.add(new Row(nameOf(from), versionOf(from), nameOf(target.strip()), versionOf(target.strip()),
                        esp ? PortRule.REQUIRED_NAME : PortRule.DEFAULT_OR_ALTERNATE, esp ? "ESP" : null, writable));
            }
        }
        return rows;
    }

    private static String nameOf(String cell) {
        Matcher m = VERSIONED.matcher(cell);
        return m.matches() ? m.group(1) : cell;
    }

    private static Version versionOf(String cell) {
        Matcher m = VERSIONED.matcher(cell);
        return m.matches() ? Version.parse(m.group(2)) : null;
    }

    /** A component by name or alias, or through the catalog's documented seedMap. */
    private static Optional<String> resolve(String seedText) {
        Optional<String> direct = catalog.find(seedText).map(Component::name);
        if (direct.isPresent()) {
            return direct;
        }
        return catalog.seedMap().stream().filter(m -> m.seedText().equalsIgnoreCase(seedText))
                .map(m -> m.components().get(0)).findFirst();
    }

    /**
     * A comparable description of a row. A From cell that only the seedMap resolves is garbled, its version
     * unreadable, so its minimum is left out of the comparison.
     */
    private static String key(Row row) {
        boolean garbled = catalog.find(row.from()).isEmpty();
        String fromMin = garbled ? "?" : String.valueOf(row.fromMin());
        return resolve(row.from()).orElse(row.from()) + " " + fromMin + " -> " + resolve(row.to()).orElse(row.to())
                + " " + row.toMin() + " " + row.portRule() + " " + row.portName() + (row.writable() ? " writable" : "");
    }

    private static String key(SupportedLink link) {
        boolean garbled = link.source().contains("Web ADI Comerciano");
        String fromMin = garbled ? "?" : String.valueOf(link.from().minVersion());
        return link.from().label() + " " + fromMin + " -> " + link.to().label() + " " + link.to().minVersion() + " "
                + link.portRule() + " " + link.requiredPortName() + (link.writableTarget() ? " writable" : "");
    }
}
