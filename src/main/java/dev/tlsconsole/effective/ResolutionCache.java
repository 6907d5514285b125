package dev.tlsconsole.effective;

import org.springframework.stereotype.Component;

import dev.tlsconsole.InputRevisions;
import dev.tlsconsole.InputRevisions.Revision;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;

/**
 * Keeps the effective policy of every connection, computed once per input revision. Each use costs one
 * query ("is my revision still the current one?"), so several console instances sharing a database
 * each notice another's change on their next request. A resolution older than
 * {@code console.policy.refresh-after} is recomputed from the same snapshot, because date-dependent
 * findings (expiring certificates) change without any write.
 */
@Component
class ResolutionCache {

    private final SnapshotBuilder builder;
    private final InputRevisions revisions;
    private final PolicyResolver resolver;
    private final PolicySettings settings;
    private final EffectivePolicyProperties properties;
    private final Object rebuild = new Object();
    private volatile ResolvedTopology current;

    ResolutionCache(SnapshotBuilder builder, InputRevisions revisions, PolicyResolver resolver, PolicySettings settings,
            EffectivePolicyProperties properties) {
        this.builder = builder;
        this.revisions = revisions;
        this.resolver = resolver;
        this.settings = settings;
        this.properties = properties;
    }

    /** The resolution at the current revision: cached, or rebuilt (by one thread, the others wait for it). */
    ResolvedTopology current() {
        Revision revision = revisions.current();
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
                current = ResolvedTopology.resolve(revision, cached.snapshot(), resolver, settings);
            } else {
                SnapshotBuilder.Read read = builder.read();
                current = ResolvedTopology.resolve(read.revision(), read.snapshot(), resolver, settings);
            }
            return current;
        }
    }

    private boolean fresh(ResolvedTopology cached, Revision revision) {
        return cached != null && cached.revision().equals(revision)
                && !cached.outdatedAt(settings.clock().instant(), properties.refreshAfter());
    }
}
