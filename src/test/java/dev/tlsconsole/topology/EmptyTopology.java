package dev.tlsconsole.topology;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "An empty database" inside the shared one: runs {@code work} in a transaction that first deletes
 * every topology row and is always rolled back, so other test classes find their data untouched.
 * The tests of one run execute one after another, so nothing else waits on the locks meanwhile.
 */
public final class EmptyTopology {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public EmptyTopology(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    public <T> T run(Supplier<T> work) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("delete from connection");
            jdbc.update("update application set backup_id = null");
            jdbc.update("delete from listening_port");
            jdbc.update("delete from application_option");
            jdbc.update("delete from application");
            jdbc.update("delete from host_option");
            jdbc.update("delete from host");
            return work.get();
        });
    }
}
