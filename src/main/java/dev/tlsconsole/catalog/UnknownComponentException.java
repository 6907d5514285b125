package dev.tlsconsole.catalog;

/**
 * A component name or alias the catalog does not know: a client error (HTTP 400), never a server fault.
 */
public class UnknownComponentException extends RuntimeException {

    private final String name;

    public UnknownComponentException(String name) {
        super("'" + name + "' is not a component name or alias in the supported-component catalog");
        this.name = name;
    }

    /** The name as the caller wrote it. */
    public String name() {
        return name;
    }
}
