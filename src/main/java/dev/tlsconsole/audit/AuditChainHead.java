package dev.tlsconsole.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that names the last entry of the chain; locked by every append. */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

    static final int ID = 1;

    @Id
    private Integer id;
    private long lastId;
    private String lastHash;

    protected AuditChainHead() {
    }

    long lastId() {
        return lastId;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(AuditEntry entry) {
        this.lastId = entry.getId();
        this.lastHash = entry.getHash();
    }
}
