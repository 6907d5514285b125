package dev.tlsconsole.audit;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Walks the hash chain: recomputes every hash, checks each entry points at its predecessor, that ids
 * have no gaps, that the chain ends where the head row says, and — after a retention purge — that the
 * first remaining entry continues exactly where a recorded purge cut. Names the first broken entry.
 */
@Component
class AuditVerifier {

    private static final int BATCH = 1000;

    private final AuditEntryRepository entries;
    private final AuditChainHeadRepository heads;
    private final AuditJson json;
    private final AuditChainKeys keys;

    AuditVerifier(AuditEntryRepository entries, AuditChainHeadRepository heads, AuditJson json, AuditChainKeys keys) {
        this.entries = entries;
        this.heads = heads;
        this.json = json;
        this.keys = keys;
    }

    /** The result of walking the chain. */
    public record Verification(boolean valid, long checked, Long firstBrokenEntryId, String problem) {
    }

    Verification verify() {
        Long first = entries.firstId();
        if (first == null) {
            return headCheck(0, 0, AuditHasher.GENESIS);
        }
        String expectedPrevious = AuditHasher.GENESIS;
        if (first > 1) {
            String cut = cutHashOfPurgeEndingAt(first - 1);
            if (cut == null) {
                return new Verification(false, 0, first, "the chain starts at entry " + first
                        + ": entries 1 to " + (first - 1) + " were deleted without a recorded purge");
            }
            expectedPrevious = cut;
        }
        long expectedId = first;
        long checked = 0;
        Long lastUnkeyed = null;
        boolean keyedSeen = false;
        List<AuditEntry> batch = entries.chainAfter(first - 1, PageRequest.of(0, BATCH));
        while (!batch.isEmpty()) {
            for (AuditEntry entry : batch) {
                if (entry.getId() != expectedId) {
                    return new Verification(false, checked, entry.getId(), "entry " + entry.getId() + " follows entry "
                            + (expectedId - 1) + ": " + (entry.getId() > expectedId ? "entries were deleted" : "an entry was inserted"));
                }
                if (!entry.getPreviousHash().equals(expectedPrevious)) {
                    return new Verification(false, checked, entry.getId(), "entry " + entry.getId()
                            + " does not point at its predecessor: an entry before it was changed, inserted or deleted");
                }
                if (entry.getHashScheme() == null && keyedSeen) {
                    return new Verification(false, checked, entry.getId(), "entry " + entry.getId()
                            + " carries an unkeyed hash after keyed entries: the chain was recomputed without the key");
                }
                java.util.Optional<String> expected = AuditHasher.hash(entry, keys);
                if (expected.isEmpty()) {
                    return new Verification(false, checked, entry.getId(), "entry " + entry.getId() + " was written under audit"
                            + " key " + entry.getHashScheme() + ", which this instance does not have: add the former key to "
                            + AuditChainKeys.PREVIOUS_KEYS_PROPERTY);
                }
                if (!expected.get().equals(entry.getHash())) {
                    return new Verification(false, checked, entry.getId(),
                            "entry " + entry.getId() + " was changed after it was written");
                }
                if (entry.getHashScheme() == null) {
                    lastUnkeyed = entry.getId();
                } else if (!keyedSeen) {
                    keyedSeen = true;
                    if (lastUnkeyed != null && !anchors(entry, lastUnkeyed)) {
                        return new Verification(false, checked, entry.getId(), "entries up to " + lastUnkeyed
                                + " carry unkeyed hashes that no keyed entry vouches for: they may have been recomputed");
                    }
                }
                expectedPrevious = entry.getHash();
                expectedId++;
                checked++;
            }
            batch = entries.chainAfter(expectedId - 1, PageRequest.of(0, BATCH));
        }
        if (lastUnkeyed != null && !keyedSeen) {
            return new Verification(false, checked, first, "every entry carries an unkeyed hash and no keyed entry vouches for"
                    + " them: the chain may have been recomputed without the key");
        }
        return headCheck(checked, expectedId - 1, expectedPrevious);
    }

    /** True when {@code entry} is the keyed anchor written right after the unkeyed entries up to {@code lastUnkeyed}. */
    private boolean anchors(AuditEntry entry, long lastUnkeyed) {
        if (!AuditTrail.KEYED_ANCHOR_ACTION.equals(entry.getAction())) {
            return false;
        }
        JsonNode after = json.parse(entry.getAfter());
        return after != null && after.path(AuditTrail.LEGACY_THROUGH_ID).asLong(-1) == lastUnkeyed;
    }

    private Verification headCheck(long checked, long lastId, String lastHash) {
        AuditChainHead head = heads.findById(AuditChainHead.ID).orElse(null);
        if (head != null && (head.lastId() != lastId || !head.lastHash().equals(lastHash))) {
            return new Verification(false, checked, Math.max(lastId, 1), "the chain ends at entry " + lastId
                    + " but the head says " + head.lastId() + ": the last entries were deleted or altered");
        }
        return new Verification(true, checked, null, null);
    }

    /** The hash a recorded purge cut at, if one removed exactly the entries up to {@code lastPurgedId}. */
    private String cutHashOfPurgeEndingAt(long lastPurgedId) {
        for (AuditEntry anchor : entries.purgeAnchors(PageRequest.of(0, 50))) {
            JsonNode after = json.parse(anchor.getAfter());
            if (after != null && after.path("purgedThroughId").asLong(-1) == lastPurgedId) {
                return after.path("cutHash").asString(null);
            }
        }
        return null;
    }
}
