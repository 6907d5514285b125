package dev.tlsconsole.certificates.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.certificates.facts.FactsSnapshot;
import dev.tlsconsole.certificates.facts.InventoryFacts;
import dev.tlsconsole.resolution.LiveEngine;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.preview.PreviewResult;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.StagedChange;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;

/**
 * The policy engine over the live topology and the inventory, as the certificate screens need it:
 * where-used (the connections whose resolved options name a certificate) and the preview of an
 * assignment. Unlike the shared effective-policy cache, each call reads the topology and the inventory
 * together, and the preview counts the files an assignment is about to deploy as known — so the
 * "after" column judges the certificate itself rather than reporting it unchecked. The engine itself is
 * run by {@link LiveEngine}, asked with these facts.
 */
@Component
public class ConnectionPolicies {

    private final LiveEngine engine;
    private final InventoryFacts inventory;

    ConnectionPolicies(LiveEngine engine, InventoryFacts inventory) {
        this.engine = engine;
        this.inventory = inventory;
    }

    /** The topology and the inventory, read together. */
    public record Evaluation(TopologySnapshot topology, FactsSnapshot facts) {
    }

    @Transactional(readOnly = true)
    public Evaluation current() {
        return new Evaluation(engine.topology(), inventory.snapshot());
    }

    /** Every connection's effective policy now. */
    @Transactional(readOnly = true)
    public List<EffectivePolicy> resolveAll() {
        return resolveAll(current());
    }

    /** Every connection's effective policy in an evaluation already read. */
    public List<EffectivePolicy> resolveAll(Evaluation evaluation) {
        return engine.resolveAll(evaluation.topology(), evaluation.facts());
    }

    /** One connection's effective policy now; empty when there is no such connection. */
    @Transactional(readOnly = true)
    public Optional<EffectivePolicy> resolve(long connectionId) {
        Evaluation evaluation = current();
        return engine.resolve(evaluation.topology(), connectionId, evaluation.facts());
    }

    /**
     * What {@code changes} would do to the connections they reach, with {@code planned} files counted as
     * deployed, and the names of the connections that change.
     */
    @Transactional(readOnly = true)
    public Impact preview(List<StagedChange> changes, List<FactsSnapshot.PlannedFile> planned) {
        Evaluation evaluation = current();
        PreviewResult result = engine.preview(evaluation.topology(), changes, evaluation.facts().withDeployments(planned));
        Map<Long, String> labels = new LinkedHashMap<>();
        for (PreviewResult.ConnectionChange change : result.changed()) {
            evaluation.topology().indexOf(ObjectType.CONNECTION, change.connectionId())
                    .ifPresent(i -> labels.put(change.connectionId(), evaluation.topology().connectionRef(i).name()));
        }
        return new Impact(result, labels);
    }

    /** A preview and the names ({@code client → server:port}) of the connections it lists. */
    public record Impact(PreviewResult result, Map<Long, String> labels) {
    }
}
