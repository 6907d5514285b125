package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV export, read back with Commons CSV as a spreadsheet would read it. */
class CatalogCsvTests {

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void everyLinkAndRuleIsARowUnderTheHeader() throws IOException {
        Catalog catalog = CatalogLoader.loadDefault();
        String csv = CatalogCsv.toCsv(catalog);

        assertThat(csv.lines().findFirst()).contains(String.join(",", CatalogCsv.HEADER));
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(catalog.links().size());
        assertThat(rows).filteredOn(r -> r.get("id").equals("interaction-server--chat-server")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("from")).isEqualTo("Interaction Server");
                    assertThat(r.get("fromMinVersion")).isEqualTo("8.1.0");
                    assertThat(r.get("portRule")).isEqualTo("REQUIRED_NAME");
                    assertThat(r.get("requiredPortName")).isEqualTo("ESP");
                    assertThat(r.get("between")).isEqualTo("false");
                    assertThat(r.get("wildcard")).isEqualTo("false");
                });
        assertThat(rows).filteredOn(r -> r.get("id").equals("icon-all-servers")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("wildcard")).isEqualTo("true");
                    assertThat(r.get("to")).isEqualTo("any other Genesys server");
                    assertThat(r.get("definition")).contains("all other Genesys Servers");
                });
    }

    @Test
    void commasQuotesAndSeveralNotesSurviveTheRoundTrip() throws IOException {
        Catalog catalog = CatalogLoaderTests.load("""
                notes:
                  - {id: a, kind: INFO, text: 'one, with a comma', source: test}
                  - {id: b, kind: INFO, text: 'two "quoted"', source: test}
                groups: [{name: g, description: test}]
                components:
                  - {name: Alpha, group: g, source: test}
                links:
                  - {from: Alpha, to: Alpha, notes: [a, b], source: 'section, "row 1"'}
                """);

        CSVRecord row = parse(CatalogCsv.toCsv(catalog)).get(0);

        assertThat(row.get("notes")).isEqualTo("one, with a comma | two \"quoted\"");
        assertThat(row.get("source")).isEqualTo("section, \"row 1\"");
        assertThat(row.get("fromMinVersion")).isEmpty();
    }

    @Test
    void cellsThatASpreadsheetWouldReadAsFormulasAreWrittenAsText() throws IOException {
        Catalog catalog = CatalogLoaderTests.load("""
                notes:
                  - {id: a, kind: INFO, text: '=HYPERLINK("http://evil.example/x","click")', source: test}
                groups: [{name: g, description: test}]
                components:
                  - {name: Alpha, group: g, source: test}
                links:
                  - {from: Alpha, to: Alpha, notes: [a], source: '@SUM(1+1)*cmd|calc'}
                """);

        CSVRecord row = parse(CatalogCsv.toCsv(catalog)).get(0);

        assertThat(row.get("notes")).isEqualTo("'=HYPERLINK(\"http://evil.example/x\",\"click\")");
        assertThat(row.get("source")).isEqualTo("'@SUM(1+1)*cmd|calc");
        assertThat(row.get("from")).isEqualTo("Alpha");
    }
}
