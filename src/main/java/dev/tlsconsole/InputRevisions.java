package dev.tlsconsole;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revision numbers of the data the effective policy is computed from. A feature that changes such
 * data calls {@link #bump} inside the transaction that changes it; the effective-policy cache compares
 * {@link #current()} (one indexed query) with the revision its resolution was built at. Kept in the
 * root package because the features that bump (topology, certificates) and the one that reads
 * (effective) must not depend on each other.
 *
 * <p>The counter row is locked until the writer commits, so topology writes are serialised: they are
 * rare, human-paced edits, and the lock is what makes "data changed ⇒ revision changed" hold.
 */
@Component
public class InputRevisions {

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

    private final JdbcTemplate jdbc;

    InputRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code input} changed; must run inside the changing transaction, so it commits or rolls back with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bump(Input input) {
        jdbc.update("update policy_input_revision set revision = revision + 1 where subject = ?", input.name());
    }

    /** The current counters, as committed. */
    public Revision current() {
        long[] values = new long[Input.values().length];
        jdbc.query("select subject, revision from policy_input_revision",
                rs -> {
                    values[Input.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
                });
        return new Revision(values[Input.TOPOLOGY.ordinal()], values[Input.CERTIFICATES.ordinal()]);
    }
}
