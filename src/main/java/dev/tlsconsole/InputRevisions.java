package dev.tlsconsole;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Revision numbers of the data the effective policy is computed from. A feature that changes such
 * data calls {@link #bump} inside the transaction that changes it; the effective-policy cache compares
 * {@link #recent()} with the revision its resolution was built at. Kept in the root package because
 * the features that bump (topology, certificates) and the one that reads (effective) must not depend
 * on each other.
 *
 * <p>The counter row is locked until the writer commits, so topology writes are serialised: they are
 * rare, human-paced edits, and the lock is what makes "data changed ⇒ revision changed" hold.
 */
@Component
public class InputRevisions {

    /**
     * How long a revision read from the database is trusted without asking again. Only other console
     * instances' writes can be missed for that long: a write through this instance forgets the trusted
     * value as soon as it commits.
     */
    static final Duration RECHECK_AFTER = Duration.ofMillis(250);

    /** The kinds of data the resolution reads. */
    public enum Input {
        /** hosts, applications, ports, connections and their options */
        TOPOLOGY,
        /** certificates and CRLs, which the policy engine asks about through {@code CertificateFacts} */
        CERTIFICATES
    }

    /** Both counters; equal revisions mean equal inputs. */
    public record Revision(long topology, long certificates) {
    }

    private record Checked(Revision revision, long atNanos) {
    }

    private final JdbcTemplate jdbc;
    private volatile Checked lastChecked;

    InputRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code input} changed; must run inside the changing transaction, so it commits or rolls back with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bump(Input input) {
        jdbc.update("update policy_input_revision set revision = revision + 1 where subject = ?", input.name());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lastChecked = null;
            }
        });
    }

    /** The current counters, as committed: always one query. */
    public Revision current() {
        long[] values = new long[Input.values().length];
        jdbc.query("select subject, revision from policy_input_revision",
                rs -> {
                    values[Input.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
                });
        Revision revision = new Revision(values[Input.TOPOLOGY.ordinal()], values[Input.CERTIFICATES.ordinal()]);
        lastChecked = new Checked(revision, System.nanoTime());
        return revision;
    }

    /**
     * The counters as read at most {@link #RECHECK_AFTER} ago (or now): what every request of a busy
     * console asks, without a query each time.
     */
    public Revision recent() {
        Checked checked = lastChecked;
        if (checked != null && System.nanoTime() - checked.atNanos() < RECHECK_AFTER.toNanos()) {
            return checked.revision();
        }
        return current();
    }
}
