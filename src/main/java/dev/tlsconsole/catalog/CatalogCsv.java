package dev.tlsconsole.catalog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import dev.tlsconsole.SafeCsv;

/**
 * Exports the matrix's links and rules as CSV, one row each, for people who review it in a spreadsheet. Notes
 * are joined with {@value #NOTE_SEPARATOR} in one cell.
 */
public final class CatalogCsv {

    /** The header row, in column order. */
    public static final String[] HEADER = {"id", "from", "fromMinVersion", "to", "toMinVersion", "between",
        "portRule", "requiredPortName", "writableTarget", "wildcard", "definition", "notes", "source"};

    static final String NOTE_SEPARATOR = " | ";

    private CatalogCsv() {
    }

    /** Writes the header and every link to {@code out}; the caller owns (and closes) {@code out}. */
    public static void write(Catalog catalog, Appendable out) throws IOException {
        write(catalog.links(), out);
    }

    /** Writes the header and {@code links} (a filtered selection, e.g. one component's) to {@code out}. */
    public static void write(List<SupportedLink> links, Appendable out) throws IOException {
        SafeCsv printer = SafeCsv.open(out, HEADER);
        for (SupportedLink link : links) {
            LinkView view = LinkView.of(link);
            printer.printRecord(view.id(), view.from(), view.fromMinVersion(), view.to(), view.toMinVersion(),
                    view.between(), view.portRule(), view.requiredPortName(), view.writableTarget(),
                    view.wildcard(), view.definition(), String.join(NOTE_SEPARATOR, view.notes()), view.source());
        }
        printer.flush();
    }

    /** The whole export as text. */
    public static String toCsv(Catalog catalog) {
        StringWriter out = new StringWriter();
        try {
            write(catalog, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
