package dev.tlsconsole.catalog;

/**
 * The catalog file is broken. The message names the file, line and column so whoever edited
 * {@code catalog.yaml} can fix it; the application refuses to start on it rather than run with a matrix
 * that silently lacks entries.
 */
public class CatalogException extends RuntimeException {

    private final String origin;
    private final int line;
    private final int column;
    private final String problem;

    CatalogException(YamlNode.Position at, String problem) {
        super(at + ": " + problem);
        this.origin = at.origin();
        this.line = at.line();
        this.column = at.column();
        this.problem = problem;
    }

    /** Where the catalog was read from, e.g. {@code catalog/catalog.yaml}. */
    public String origin() {
        return origin;
    }

    /** 1-based line of the offending entry. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending entry. */
    public int column() {
        return column;
    }

    /** The problem without the location. */
    public String problem() {
        return problem;
    }
}
