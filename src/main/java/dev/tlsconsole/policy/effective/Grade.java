package dev.tlsconsole.policy.effective;

/**
 * The badge of a connection; {@link #label()} is what the UI and the API show. Errors always give
 * {@code F}, even on a plaintext connection (a client asking for TLS of a plain port will not connect).
 * An auto-detect connection is graded as the TLS it becomes once the client upgrades, capped at
 * {@code B} with the reason that TLS starts only if the client upgrades. INFO findings never lower it.
 */
public enum Grade {
    /** mutual TLS, TLS 1.2+, host-name check, revocation checking, no warnings */
    A_PLUS("A+"),
    /** server authenticated, TLS 1.2+, no warnings */
    A("A"),
    /** works, with warnings */
    B("B"),
    /** encryption only, or an obsolete protocol can be negotiated */
    C("C"),
    /** at least one error */
    F("F"),
    /** plaintext: not secured */
    NOT_SECURED("-");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The worse of this grade and {@code other}: F, then not secured, then C, B, A, A+. */
    public Grade worse(Grade other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Grade grade) {
        return switch (grade) {
            case A_PLUS -> 0;
            case A -> 1;
            case B -> 2;
            case C -> 3;
            case NOT_SECURED -> 4;
            case F -> 5;
        };
    }
}
