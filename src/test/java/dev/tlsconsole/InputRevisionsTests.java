package dev.tlsconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tlsconsole.InputRevisions.Input;
import dev.tlsconsole.InputRevisions.Revision;
import dev.tlsconsole.support.ConsoleTest;

/** The revision a busy console trusts for a moment: its own writes at once, another instance's soon after. */
@ConsoleTest
class InputRevisionsTests {

    @Autowired
    InputRevisions revisions;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommittedBumpOnThisInstanceIsSeenAtOnce() {
        Revision before = revisions.recent();
        transactions.executeWithoutResult(status -> revisions.bump(Input.TOPOLOGY));
        assertThat(revisions.recent().topology()).isEqualTo(before.topology() + 1);
    }

    @Test
    void aRolledBackBumpChangesNothing() {
        Revision before = revisions.current();
        transactions.executeWithoutResult(status -> {
            revisions.bump(Input.CERTIFICATES);
            status.setRollbackOnly();
        });
        assertThat(revisions.recent()).isEqualTo(before);
    }

    @Test
    void anotherInstancesWriteIsSeenWithinTheRecheckInterval() {
        Revision before = revisions.current();
        // another console instance sharing the database: it bumps without telling this one
        jdbc.update("update policy_input_revision set revision = revision + 1 where subject = 'TOPOLOGY'");
        await().atMost(Duration.ofSeconds(5)).until(() -> revisions.recent().topology() == before.topology() + 1);
    }
}
