package dev.tlsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;

/** The audit CSV export (issue 10, item 11): a CA named like a spreadsheet formula is exported as text. */
@ConsoleTest
class AuditCsvInjectionTests {

    private static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example/x\",\"open\")";

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail trail;

    @Test
    void formulaLikeCellsAreNeutralisedInTheExport() throws Exception {
        trail.recordSeparately(new AuditRecord("authority.create", "CA", null, FORMULA_NAME, AuditOutcome.FAILURE, "+1 tab\tand @ inside", null, null),
                "-mallory", "127.0.0.1");

        String csv = mvc.perform(get("/api/v1/audit/export.csv").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();

        CSVRecord row = rows.stream().filter(r -> r.get("objectName").contains("HYPERLINK")).findFirst().orElseThrow();
        assertThat(row.get("objectName")).isEqualTo("'" + FORMULA_NAME);
        assertThat(row.get("detail")).isEqualTo("'+1 tab\tand @ inside");
        assertThat(row.get("actor")).isEqualTo("'-mallory");
        assertThat(row.get("action")).isEqualTo("authority.create");
        assertThat(rows).allSatisfy(r -> r.toList().forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("@")));
    }
}
