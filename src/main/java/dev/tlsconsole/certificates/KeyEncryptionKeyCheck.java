package dev.tlsconsole.certificates;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.tlsconsole.KeyEncryptionKeys;

/**
 * At start-up, before the console serves anything: records the check value of this instance's
 * key-encryption key in the database if none is there yet, or compares it with the recorded one. Two
 * instances on one database with different KEKs would each seal keys the other cannot open (issue,
 * sign-CSR, CRL publish, revoke and key export then fail), so an instance whose KEK does not match
 * refuses to start with {@link KeyEncryptionKeyMismatchException}, which
 * {@link KeyEncryptionKeyFailureAnalyzer} turns into one line saying how to share the key.
 */
@Component
class KeyEncryptionKeyCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeyCheck.class);

    private final JdbcTemplate jdbc;
    private final Environment environment;
    private final Clock clock;

    KeyEncryptionKeyCheck(JdbcTemplate jdbc, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        byte[] kek = KeyEncryptionKeys.read(environment);
        String mine;
        try {
            mine = KeyEncryptionKeys.checkValue(kek);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
        String recorded = recorded();
        if (recorded == null) {
            try {
                jdbc.update("INSERT INTO key_encryption_key_check (id, check_value, recorded_at) VALUES (1, ?, ?)", mine,
                        Timestamp.from(clock.instant()));
                log.info("Recorded the check value of the key-encryption key in the database");
                return;
            } catch (DataIntegrityViolationException e) {
                recorded = recorded(); // another instance started at the same moment and recorded its own first
            }
        }
        if (!mine.equals(recorded)) {
            throw new KeyEncryptionKeyMismatchException();
        }
    }

    private String recorded() {
        List<String> values = jdbc.queryForList("SELECT check_value FROM key_encryption_key_check WHERE id = 1", String.class);
        return values.isEmpty() ? null : values.get(0);
    }
}
