package dev.tlsconsole.audit;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries to the hash-chained audit trail. Successful changes are recorded in the caller's
 * transaction (so the entry and the change commit or roll back together); failures and denials in
 * a transaction of their own (so they survive the rollback of what failed).
 */
@Service
public class AuditTrail {

    /**
     * Request attribute set once an entry was written for the current request, so the coverage filter
     * knows whether a rejected request still needs its FAILURE entry.
     */
    public static final String RECORDED_ATTRIBUTE = AuditTrail.class.getName() + ".recorded";

    /** Actor of entries written by the console itself (start-up, scheduled work). */
    public static final String SYSTEM = "system";
    static final String ANONYMOUS = "anonymous";
    /** The keyed entry that vouches for the unkeyed entries before it (see {@link AuditVerifier}). */
    static final String KEYED_ANCHOR_ACTION = AuditAction.AUDIT_CHAIN_KEYED.code();
    static final String LEGACY_THROUGH_ID = "legacyThroughId";

    private final AuditEntryRepository entries;
    private final AuditChainHeadRepository heads;
    private final AuditJson json;
    private final Clock clock;
    private final AuditChainKeys keys;
    /** Set once the last committed entry was seen keyed: from then on no anchor can be due. */
    private volatile boolean keyedChainSeen;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final jakarta.persistence.EntityManager entityManager;

    AuditTrail(AuditEntryRepository entries, AuditChainHeadRepository heads, AuditJson json, Clock clock, AuditChainKeys keys,
            org.springframework.jdbc.core.JdbcTemplate jdbc, jakarta.persistence.EntityManager entityManager) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.entries = entries;
        this.heads = heads;
        this.json = json;
        this.clock = clock;
        this.keys = keys;
    }

    /** Records a change inside the caller's transaction, attributed to the current user and request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(AuditRecord record) {
        return append(record, currentActor(), currentSourceAddress());
    }

    /** Records a change inside the caller's transaction on behalf of {@code actor} (e.g. {@link #SYSTEM}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(AuditRecord record, String actor) {
        return append(record, actor, currentSourceAddress());
    }

    /** Records a failure or denial in its own transaction, attributed to the current user and request. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditEntry recordSeparately(AuditRecord record) {
        return append(record, currentActor(), currentSourceAddress());
    }

    /** Records in its own transaction with an explicit actor and source (login attempts, for example). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditEntry recordSeparately(AuditRecord record, String actor, String sourceAddress) {
        return append(record, actor, sourceAddress);
    }

    /**
     * Records many changes inside the caller's transaction, one entry each, in their order: the chain is
     * extended exactly as by as many {@link #record} calls (same hashes, same head), but the rows go to the
     * database in JDBC batches — a bulk import writes tens of thousands of entries.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(java.util.List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        AuditChainHead head = heads.lockHead()
                .orElseThrow(() -> new IllegalStateException("audit_chain_head row is missing: the schema was altered"));
        anchorUnkeyedEntries(head);
        // the anchor (if one was due) and anything recorded before in this transaction reach the table first
        entityManager.flush();
        String actor = truncate(currentActor(), 64);
        String source = truncate(currentSourceAddress(), 64);
        java.time.Instant at = AuditHasher.truncate(clock.instant());
        java.util.List<Object[]> batch = new java.util.ArrayList<>(BATCH);
        for (AuditRecord record : records) {
            AuditEntry entry = new AuditEntry(head.lastId() + 1, at, record, actor, source, json.toJson(record.before()),
                    json.toJson(record.after()), head.lastHash(), keys);
            head.advance(entry);
            batch.add(new Object[] {entry.getId(), java.time.OffsetDateTime.ofInstant(entry.getAt(), java.time.ZoneOffset.UTC),
                    entry.getActor(), entry.getSourceAddress(), entry.getAction(), entry.getObjectType(), entry.getObjectId(),
                    entry.getObjectName(), entry.getOutcome().name(), entry.getDetail(), entry.getBefore(), entry.getAfter(),
                    entry.getPreviousHash(), entry.getHash(), entry.getHashScheme()});
            if (batch.size() == BATCH) {
                insert(batch);
            }
        }
        insert(batch);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.setAttribute(RECORDED_ATTRIBUTE, Boolean.TRUE, ServletRequestAttributes.SCOPE_REQUEST);
        }
    }

    private static final int BATCH = 1_000;

    private void insert(java.util.List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into audit_entry (id, at, actor, source_address, action, object_type, object_id, object_name,"
                + " outcome, detail, before_state, after_state, previous_hash, hash, hash_scheme)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        batch.clear();
    }

    private AuditEntry append(AuditRecord record, String actor, String sourceAddress) {
        AuditChainHead head = heads.lockHead()
                .orElseThrow(() -> new IllegalStateException("audit_chain_head row is missing: the schema was altered"));
        anchorUnkeyedEntries(head);
        AuditEntry entry = new AuditEntry(head.lastId() + 1, AuditHasher.truncate(clock.instant()), record,
                truncate(actor == null ? ANONYMOUS : actor, 64), truncate(sourceAddress, 64),
                json.toJson(record.before()), json.toJson(record.after()), head.lastHash(), keys);
        entries.save(entry);
        head.advance(entry);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.setAttribute(RECORDED_ATTRIBUTE, Boolean.TRUE, ServletRequestAttributes.SCOPE_REQUEST);
        }
        return entry;
    }

    /** At start-up: a database written by a version with the unkeyed chain gets its keyed anchor at once. */
    @Transactional
    public void anchorUnkeyedEntries() {
        heads.lockHead().ifPresent(this::anchorUnkeyedEntries);
    }

    /**
     * The first keyed entry after entries of the former unkeyed chain is an anchor naming the last unkeyed id, so the
     * verifier accepts unkeyed entries only below a keyed anchor: rewriting the whole chain unkeyed is detected.
     */
    private void anchorUnkeyedEntries(AuditChainHead head) {
        if (keyedChainSeen || head.lastId() == 0) {
            return;
        }
        AuditEntry last = entries.findById(head.lastId()).orElse(null);
        if (last == null || last.getHashScheme() != null) {
            keyedChainSeen = last != null;
            return;
        }
        AuditRecord anchor = AuditRecord.success(AuditAction.AUDIT_CHAIN_KEYED, null, "audit chain",
                null, java.util.Map.of(LEGACY_THROUGH_ID, head.lastId()));
        AuditEntry entry = new AuditEntry(head.lastId() + 1, AuditHasher.truncate(clock.instant()), anchor, SYSTEM, null,
                null, json.toJson(anchor.after()), head.lastHash(), keys);
        entries.save(entry);
        head.advance(entry);
    }

    /** The name of the authenticated user, or {@value #ANONYMOUS}. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        return authentication.getName();
    }

    /** The client address of the current HTTP request, or null outside a request. */
    public static String currentSourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
