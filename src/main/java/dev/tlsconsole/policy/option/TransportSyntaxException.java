package dev.tlsconsole.policy.option;

/**
 * A transport string that does not parse. {@link #position()} is the 0-based index of the offending
 * character (the length of the text when something is missing at the end), so the UI can point at it;
 * the message reads {@code position 7: space before '='}.
 */
public final class TransportSyntaxException extends IllegalArgumentException {

    private final int position;
    private final String problem;

    public TransportSyntaxException(int position, String problem) {
        super("position " + position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    public int position() {
        return position;
    }

    /** The problem without the position, e.g. {@code space before '='}. */
    public String problem() {
        return problem;
    }
}
