package dev.tlsconsole.resolution;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tlsconsole.policy.CertificateFacts;
import dev.tlsconsole.policy.LinkRules;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.preview.PolicyPreview;
import dev.tlsconsole.policy.preview.PreviewResult;
import dev.tlsconsole.policy.snapshot.StagedChange;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import dev.tlsconsole.topology.TopologyReader.Rows;

/**
 * The one place that runs the policy engine over the live topology (an ArchUnit rule keeps it so): the
 * cached resolution of every connection and the previews of staged changes, with the console's
 * certificate facts; and, for the certificate screens, the same runs with facts of their own (the
 * inventory read in their transaction, or with the files an assignment is about to deploy counted as
 * known). Only the facts differ, never the snapshot or the settings.
 */
@Component
public class LiveEngine {

    private final SnapshotBuilder builder;
    private final PolicyResolver resolver;
    private final PolicyPreview preview;
    private final LinkRules linkRules;
    private final PolicySettings settings;

    LiveEngine(SnapshotBuilder builder, PolicyResolver resolver, PolicyPreview preview, LinkRules linkRules,
            PolicySettings settings) {
        this.builder = builder;
        this.resolver = resolver;
        this.preview = preview;
        this.linkRules = linkRules;
        this.settings = settings;
    }

    /** The topology now, read in the caller's transaction. */
    public TopologySnapshot topology() {
        return builder.inCallersTransaction();
    }

    /** The engine's snapshot of rows the caller has read (an import compares the topology before and after). */
    public TopologySnapshot snapshotOf(Rows rows) {
        return SnapshotBuilder.snapshot(rows);
    }

    /** The console's settings with the clock stopped now, so that two runs compared judge the same instant. */
    public PolicySettings settingsFrozenNow() {
        Clock frozen = Clock.fixed(settings.clock().instant(), settings.clock().getZone());
        return new PolicySettings(frozen, settings.expiryWarning(), settings.windowsMinimum(), settings.windowsMaximum());
    }

    /** The effective policies of the connections at these dense indexes, in that order, with the console's facts. */
    public List<EffectivePolicy> resolveAt(TopologySnapshot topology, int[] connectionIndexes, PolicySettings at) {
        return resolver.resolveAt(topology, connectionIndexes, at);
    }

    /** The effective policies of the connections at these dense indexes, in that order, judged with {@code facts}. */
    public List<EffectivePolicy> resolveAt(TopologySnapshot topology, int[] connectionIndexes, PolicySettings at,
            CertificateFacts facts) {
        return new PolicyResolver(linkRules, facts).resolveAt(topology, connectionIndexes, at);
    }

    /** Every connection's effective policy in {@code topology}, judged with {@code facts}. */
    public List<EffectivePolicy> resolveAll(TopologySnapshot topology, CertificateFacts facts) {
        return new PolicyResolver(linkRules, facts).resolveAll(topology, settings);
    }

    /** One connection's effective policy, judged with {@code facts}; empty when there is no such connection. */
    public Optional<EffectivePolicy> resolve(TopologySnapshot topology, long connectionId, CertificateFacts facts) {
        return new PolicyResolver(linkRules, facts).resolve(topology, connectionId, settings);
    }

    /** What {@code changes} would do to {@code topology}, judged with {@code facts}. */
    public PreviewResult preview(TopologySnapshot topology, List<StagedChange> changes, CertificateFacts facts) {
        return new PolicyPreview(new PolicyResolver(linkRules, facts)).preview(topology, changes, settings);
    }

    /** Every connection's effective policy with the console's certificate facts (the cache's run). */
    List<EffectivePolicy> resolveAll(TopologySnapshot topology) {
        return resolver.resolveAll(topology, settings);
    }

    /** What {@code changes} would do, with the console's certificate facts. */
    PreviewResult preview(TopologySnapshot topology, List<StagedChange> changes) {
        return preview.preview(topology, changes, settings);
    }
}
