package dev.tlsconsole.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One append-only audit record. Its {@link #hash} covers every field and the previous entry's hash,
 * so an entry edited, inserted or deleted directly in the database breaks the chain.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private Long id;
    private Instant at;
    private String actor;
    private String sourceAddress;
    private String action;
    private String objectType;
    private String objectId;
    private String objectName;
    @Enumerated(EnumType.STRING)
    private AuditOutcome outcome;
    private String detail;
    @Column(name = "before_state")
    private String before;
    @Column(name = "after_state")
    private String after;
    private String previousHash;
    private String hash;
    private String hashScheme;

    protected AuditEntry() {
    }

    AuditEntry(long id, Instant at, AuditRecord record, String actor, String sourceAddress, String before,
            String after, String previousHash, AuditChainKeys keys) {
        this.id = id;
        this.at = at;
        this.actor = actor;
        this.sourceAddress = sourceAddress;
        this.action = record.action();
        this.objectType = record.objectType();
        this.objectId = record.objectId();
        this.objectName = record.objectName();
        this.outcome = record.outcome();
        this.detail = record.detail();
        this.before = before;
        this.after = after;
        this.previousHash = previousHash;
        this.hashScheme = keys.currentScheme();
        this.hash = AuditHasher.hash(this, keys).orElseThrow();
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getObjectName() {
        return objectName;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }

    /** How {@link #getHash()} was made: {@code HMAC-SHA256:<key id>}, or null for the former unkeyed SHA-256. */
    public String getHashScheme() {
        return hashScheme;
    }

    @Override
    public String toString() {
        return "AuditEntry[" + id + " " + action + " " + outcome + " by " + actor + "]";
    }
}
