package dev.tlsconsole.interchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import dev.tlsconsole.interchange.OptionFiles.UnreadableFile;

/**
 * The structure files of the archive ({@code hosts.csv}, {@code applications.csv}, {@code ports.csv},
 * {@code connections.csv}) with Commons CSV: RFC 4180, a header row, UTF-8.
 *
 * <p>A cell a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage
 * return) is written with a leading apostrophe, and that apostrophe is taken off again on import, so
 * the values come back exactly.
 */
final class InterchangeCsv {

    static final List<String> HOSTS = List.of("name", "ipAddress", "osType", "osVersion", "securityPackVersion");
    static final List<String> APPLICATIONS = List.of("name", "componentType", "componentVersion", "host", "backup");
    static final List<String> PORTS = List.of("application", "portId", "number", "listeningMode", "transport");
    static final List<String> CONNECTIONS = List.of("client", "server", "portId", "transport");

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private InterchangeCsv() {
    }

    /** A table as CSV text, the header first; null cells are empty. */
    static String write(List<String> header, List<List<String>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, WRITE)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                row.forEach(cell -> cells.add(neutralise(cell)));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        return isFormulaStart(cell.charAt(0)) ? "'" + cell : cell;
    }

    static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && isFormulaStart(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** One data row: its cells by column, and its line in the file (for messages). */
    record Row(long line, Map<String, String> cells) {

        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    /**
     * The data rows of a CSV file with these columns. A file that is not CSV, misses a column or has
     * a row of another length is an {@link UnreadableFile} naming the line.
     */
    static List<Row> read(String file, String text, List<String> columns) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(stripBom(text))).setFormat(READ).get()) {
            List<String> header = parser.getHeaderNames();
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new UnreadableFile(file, 1, "the header row has no column '" + column + "' (expected "
                            + String.join(",", columns) + ")");
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new UnreadableFile(file, (int) line, "the row has " + record.size() + " cells, the header "
                            + header.size());
                }
                Map<String, String> cells = new java.util.LinkedHashMap<>();
                for (String column : columns) {
                    cells.put(column, restore(record.get(column)));
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableFile(file, 0, "not a CSV file: " + e.getMessage());
        }
        return rows;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
