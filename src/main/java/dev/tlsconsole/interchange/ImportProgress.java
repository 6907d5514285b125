package dev.tlsconsole.interchange;

/**
 * How far an import running on a background thread has got, read by the Import page's progress bar.
 * The import reports into the progress bound to its thread ({@link #current()}); an import run directly
 * (the API, tests) has none bound and reports into a progress nobody reads.
 */
final class ImportProgress {

    /** The steps of an import, in order; the page shows each by its message key. */
    enum Phase {
        QUEUED, READING, CHECKING, HOSTS, APPLICATIONS, CONNECTIONS, PRUNING, IMPACT, DONE
    }

    private static final ThreadLocal<ImportProgress> CURRENT = new ThreadLocal<>();

    private volatile Phase phase = Phase.QUEUED;
    private volatile int done;
    private volatile int total;

    static ImportProgress current() {
        ImportProgress bound = CURRENT.get();
        return bound == null ? new ImportProgress() : bound;
    }

    /** Runs {@code work} with this progress bound to the current thread. */
    <T> T during(java.util.function.Supplier<T> work) {
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** Enters {@code next}, with {@code count} objects to go through (0 when it is not counted). */
    void phase(Phase next, int count) {
        this.done = 0;
        this.total = count;
        this.phase = next;
    }

    void done(int count) {
        this.done = count;
    }

    Phase phase() {
        return phase;
    }

    int doneCount() {
        return done;
    }

    int total() {
        return total;
    }

    /** 0 to 100: the steps done so far, and the share of the current step's objects. */
    int percent() {
        Phase now = phase;
        int steps = Phase.DONE.ordinal();
        double within = total == 0 ? 0 : Math.min(1.0, (double) done / total);
        return (int) Math.round(100.0 * Math.min(steps, now.ordinal() + within) / steps);
    }
}
