package dev.tlsconsole.resolution;

import org.springframework.stereotype.Component;

import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.InputRevisions.Revision;
import dev.tlsconsole.policy.PolicySettings;

/**
 * Keeps the effective policy of every connection, computed once per input revision. Whether the
 * revision is still current is asked of the database at most every 250 ms ({@link InputRevisions#recent()}):
 * this instance's own writes are seen at once, and several instances sharing a database notice each
 * other's changes within that time. A resolution older than
 * {@code console.policy.refresh-after} is recomputed from the same snapshot, because date-dependent
 * findings (expiring certificates) change without any write.
 */
@Component
class ResolutionCache {

    private final SnapshotBuilder builder;
    private final InputRevisions revisions;
    private final LiveEngine engine;
    private final PolicySettings settings;
    private final EffectivePolicyProperties properties;
    private final Object rebuild = new Object();
    private volatile ResolvedTopology current;

    ResolutionCache(SnapshotBuilder builder, InputRevisions revisions, LiveEngine engine, PolicySettings settings,
            EffectivePolicyProperties properties) {
        this.builder = builder;
        this.revisions = revisions;
        this.engine = engine;
        this.settings = settings;
        this.properties = properties;
    }

    /** The resolution at the current revision: cached, or rebuilt (by one thread, the others wait for it). */
    ResolvedTopology current() {
        // trusted for a moment without a query; this instance's own writes are seen at once
        Revision revision = revisions.recent();
        ResolvedTopology cached = current;
        if (fresh(cached, revision)) {
            return cached;
        }
        synchronized (rebuild) {
            cached = current;
            if (fresh(cached, revision)) {
                return cached;
            }
            if (cached != null && cached.revision().equals(revision)) {
                current = ResolvedTopology.resolve(revision, cached.snapshot(), engine, settings);
            } else {
                SnapshotBuilder.Read read = builder.read();
                current = ResolvedTopology.resolve(read.revision(), read.snapshot(), engine, settings);
            }
            return current;
        }
    }

    private boolean fresh(ResolvedTopology cached, Revision revision) {
        return cached != null && cached.revision().equals(revision)
                && !cached.outdatedAt(settings.clock().instant(), properties.refreshAfter());
    }
}
