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
        String recorded = recorded();
        try {
            mine = KeyEncryptionKeys.checkValue(kek);
            if (recorded == null && !sealedKeyOpens(new PrivateKeyCipher(kek))) {
                // a database populated before check values existed: its sealed keys tell which KEK it was set up with
                throw new KeyEncryptionKeyMismatchException();
            }
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
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

    /**
     * Whether a private key already sealed in the database (a certificate's, else a CA's) opens with this
     * KEK; true when there is none. Only the KEK decides: a key sealed under this KEK for another record
     * (moved by hand) does not stop the start.
     */
    private boolean sealedKeyOpens(PrivateKeyCipher cipher) {
        List<String[]> sealed = jdbc.query("SELECT private_key_sealed, sha256_fingerprint FROM certificate"
                + " WHERE private_key_sealed IS NOT NULL ORDER BY id FETCH FIRST 1 ROWS ONLY",
                (row, index) -> new String[] {row.getString(1), row.getString(2)});
        if (sealed.isEmpty()) {
            sealed = jdbc.query("SELECT a.private_key_sealed, c.sha256_fingerprint FROM certificate_authority a"
                    + " JOIN certificate c ON c.id = a.certificate_id ORDER BY a.id FETCH FIRST 1 ROWS ONLY",
                    (row, index) -> new String[] {row.getString(1), "ca:" + row.getString(2)});
        }
        if (sealed.isEmpty()) {
            return true;
        }
        byte[] data;
        try {
            data = java.util.Base64.getDecoder().decode(sealed.get(0)[0]);
        } catch (IllegalArgumentException e) {
            log.warn("A sealed private key in the database is not base64; the key-encryption key is checked on first use");
            return true;
        }
        try {
            Arrays.fill(cipher.decrypt(data, sealed.get(0)[1].getBytes(java.nio.charset.StandardCharsets.US_ASCII)), (byte) 0);
            return true;
        } catch (KeyDecryptionException e) {
            // sealed under another KEK (the key id written in the data differs), or this row was altered
            try {
                return cipher.keyId().equals(PrivateKeyCipher.keyIdOf(data));
            } catch (KeyDecryptionException tooShort) {
                log.warn("A sealed private key in the database is unreadable; the key-encryption key is checked on first use");
                return true;
            }
        }
    }

    private String recorded() {
        List<String> values = jdbc.queryForList("SELECT check_value FROM key_encryption_key_check WHERE id = 1", String.class);
        return values.isEmpty() ? null : values.get(0);
    }
}
