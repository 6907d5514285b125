package dev.tlsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.KeyEncryptionKeys;
import dev.tlsconsole.support.ConsoleTest;

/**
 * The audit chain is keyed (issue 10, item 10): someone who can write the database edits rows and recomputes the
 * plain SHA-256 chain, as the former unkeyed chain allowed — verify still names the forgery. Entries written under a
 * former key (a rotated chain key or KEK) stay verifiable when that key is listed in console.audit.previous-keys.
 */
@ConsoleTest
class AuditKeyedChainTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditEntryRepository entries;
    @Autowired
    AuditChainHeadRepository heads;
    @Autowired
    AuditJson json;
    @Autowired
    AuditChainKeys keys;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void editingRowsAndRecomputingPlainSha256HashesIsDetected() throws Exception {
        expectVerification(true);
        long first = jdbc.queryForObject("select min(id) from audit_entry", Long.class);
        long last = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        List<Map<String, Object>> original = jdbc.queryForList(
                "select id, actor, previous_hash, hash, hash_scheme from audit_entry order by id");
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head");
        try {
            forgeUnkeyed(last, last);                 // the newest entry rewritten as if the chain were still unkeyed
            expectVerification(false);
            forgeUnkeyed(first, last);                // the whole chain rewritten unkeyed: no keyed entry vouches for it
            expectVerification(false);
        } finally {
            for (Map<String, Object> row : original) {
                jdbc.update("update audit_entry set actor = ?, previous_hash = ?, hash = ?, hash_scheme = ? where id = ?",
                        row.get("actor"), row.get("previous_hash"), row.get("hash"), row.get("hash_scheme"), row.get("id"));
            }
            jdbc.update("update audit_chain_head set last_id = ?, last_hash = ?", head.get("last_id"), head.get("last_hash"));
        }
        expectVerification(true);
    }

    @Test
    void entriesOfTheFormerUnkeyedChainVerifyOnceAKeyedAnchorVouchesForThem() throws Exception {
        long first = jdbc.queryForObject("select min(id) from audit_entry", Long.class);
        long last = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        List<Map<String, Object>> original = jdbc.queryForList(
                "select id, actor, previous_hash, hash, hash_scheme from audit_entry order by id");
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head");
        // a fresh trail, as right after the upgrade: it has not yet seen a keyed chain
        AuditTrail upgraded = new AuditTrail(entries, heads, json, Clock.systemUTC(), keys, jdbc, null);
        try {
            rewriteUnkeyed(first, last);            // the database as the former version left it
            expectVerification(false);
            transactions.executeWithoutResult(status -> upgraded.anchorUnkeyedEntries());
            assertThat(jdbc.queryForObject("select action from audit_entry where id = ?", String.class, last + 1))
                    .isEqualTo(AuditTrail.KEYED_ANCHOR_ACTION);
            expectVerification(true);
        } finally {
            jdbc.update("delete from audit_entry where id > ?", last);
            for (Map<String, Object> row : original) {
                jdbc.update("update audit_entry set actor = ?, previous_hash = ?, hash = ?, hash_scheme = ? where id = ?",
                        row.get("actor"), row.get("previous_hash"), row.get("hash"), row.get("hash_scheme"), row.get("id"));
            }
            jdbc.update("update audit_chain_head set last_id = ?, last_hash = ?", head.get("last_id"), head.get("last_hash"));
        }
        expectVerification(true);
    }

    @Test
    void entriesWrittenUnderAFormerKeyStayVerifiableAfterARotation() {
        String oldKek = newKey();
        String oldChainKey = newKey();
        AuditEntry underOldKek = entry(keys(Map.of(KeyEncryptionKeys.KEK_PROPERTY, oldKek)));
        AuditEntry underOldChainKey = entry(keys(Map.of(AuditChainKeys.CHAIN_KEY_PROPERTY, oldChainKey)));

        AuditChainKeys rotated = keys(Map.of(KeyEncryptionKeys.KEK_PROPERTY, newKey(),
                AuditChainKeys.PREVIOUS_KEYS_PROPERTY, oldKek + "," + oldChainKey));
        AuditChainKeys forgotten = keys(Map.of(KeyEncryptionKeys.KEK_PROPERTY, newKey()));

        assertThat(underOldKek.getHashScheme()).startsWith("HMAC-SHA256:").isNotEqualTo(rotated.currentScheme());
        assertThat(AuditHasher.hash(underOldKek, rotated)).contains(underOldKek.getHash());
        assertThat(AuditHasher.hash(underOldChainKey, rotated)).contains(underOldChainKey.getHash());
        assertThat(AuditHasher.hash(underOldKek, forgotten)).isEmpty();
        assertThat(AuditHasher.legacy(underOldKek)).isNotEqualTo(underOldKek.getHash());
    }

    /** What an attacker with database access does: edit, then recompute every following hash with plain SHA-256. */
    private void forgeUnkeyed(long from, long to) {
        jdbc.update("update audit_entry set actor = 'mallory' where id = ?", from);
        rewriteUnkeyed(from, to);
    }

    /** Entries {@code from}..{@code to} re-hashed with the former unkeyed SHA-256, the head following. */
    private void rewriteUnkeyed(long from, long to) {
        String previous = from == 1 ? AuditHasher.GENESIS
                : jdbc.queryForObject("select hash from audit_entry where id = ?", String.class, from - 1);
        for (long id = from; id <= to; id++) {
            jdbc.update("update audit_entry set previous_hash = ?, hash_scheme = null where id = ?", previous, id);
            AuditEntry edited = entries.findById(id).orElseThrow();
            previous = AuditHasher.legacy(edited);
            jdbc.update("update audit_entry set hash = ? where id = ?", previous, id);
        }
        jdbc.update("update audit_chain_head set last_id = ?, last_hash = ?", to, previous);
    }

    private void expectVerification(boolean valid) throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.valid").value(valid));
    }

    private static AuditEntry entry(AuditChainKeys keys) {
        return new AuditEntry(7, Instant.parse("2026-01-15T10:00:00Z"), new AuditRecord("host.update", "host", "3", "cfg-host-1",
                AuditOutcome.SUCCESS, null, null, Map.of("name", "cfg-host-1")), "admin", "127.0.0.1", null, "{\"name\":\"cfg-host-1\"}",
                AuditHasher.GENESIS, keys);
    }

    private static AuditChainKeys keys(Map<String, String> properties) {
        MockEnvironment environment = new MockEnvironment();
        properties.forEach(environment::setProperty);
        return new AuditChainKeys(environment);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
