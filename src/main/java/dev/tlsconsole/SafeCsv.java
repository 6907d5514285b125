package dev.tlsconsole;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the console writes CSV (audit export, catalog links, any list): Commons CSV for quoting, and every
 * text cell that a spreadsheet would read as a formula — starting with {@code = + - @}, a tab or a carriage
 * return — prefixed with a single quote (OWASP "CSV injection"), so a CA named {@code =HYPERLINK(...)} is shown
 * as text, never evaluated. Numbers, dates and enums are written as they are.
 */
public final class SafeCsv implements Closeable, Flushable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    private SafeCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** A writer of {@code header} then records to {@code out}; closing it closes {@code out}. */
    public static SafeCsv open(Appendable out, String... header) throws IOException {
        return new SafeCsv(new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(neutralised(header)).get()));
    }

    /** One record, every text cell neutralised. */
    public void printRecord(Object... values) throws IOException {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        printer.printRecord(cells);
    }

    /** A cell as it is written: text that starts like a formula gets a leading single quote. */
    public static Object cell(Object value) {
        if (value instanceof CharSequence text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    private static String[] neutralised(String[] header) {
        String[] cells = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            cells[i] = (String) cell(header[i]);
        }
        return cells;
    }
}
