package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Works out the effective TLS policy of connections: a pure function of the snapshot, the settings
 * and the two collaborators (DESIGN.md §3–§4). Thread-safe and stateless: every call starts a fresh
 * resolution that shares work between connections of the same port or client application.
 */
public final class PolicyResolver {

    /** Below this many connections one thread is quicker than splitting the work. */
    private static final int PARALLEL_THRESHOLD = 20_000;
    private static final int MAX_RANGES = 8;

    private final LinkRules linkRules;
    private final CertificateFacts certificateFacts;

    /**
     * @param linkRules        the supported-component matrix (catalog feature)
     * @param certificateFacts certificate content (certificates feature); {@link CertificateFacts#none()} until it exists
     */
    public PolicyResolver(LinkRules linkRules, CertificateFacts certificateFacts) {
        this.linkRules = Objects.requireNonNull(linkRules, "linkRules");
        this.certificateFacts = Objects.requireNonNull(certificateFacts, "certificateFacts");
    }

    /** The effective policy of one connection; empty when the snapshot has no connection with that id. */
    public Optional<EffectivePolicy> resolve(TopologySnapshot snapshot, long connectionId, PolicySettings settings) {
        OptionalInt index = snapshot.indexOf(ObjectType.CONNECTION, connectionId);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ConnectionResolution.resolve(run(snapshot, settings, false), index.getAsInt()));
    }

    /**
     * The effective policy of every connection, in snapshot order. Large topologies are resolved in two
     * parallel steps: first every targeted port's server side, each once (sides are immutable and
     * shared), then one contiguous range of connections per processor, each by a run of its own (a
     * client application whose connections fall into two ranges is resolved twice).
     */
    public List<EffectivePolicy> resolveAll(TopologySnapshot snapshot, PolicySettings settings) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(settings, "settings");
        Instant now = settings.clock().instant();
        EffectivePolicy[] out = new EffectivePolicy[snapshot.connectionCount()];
        int ranges = out.length < PARALLEL_THRESHOLD ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), MAX_RANGES);
        ValueClasses classes = new ValueClasses();
        if (ranges <= 1) {
            resolveRange(bulkRun(snapshot, settings, now, null, classes), out, 0, out.length);
            return Arrays.asList(out);
        }
        ServerSide[] servers = serverSides(snapshot, settings, now, ranges, classes);
        int size = (out.length + ranges - 1) / ranges;
        IntStream.range(0, ranges).parallel().forEach(r -> resolveRange(bulkRun(snapshot, settings, now, servers, classes), out,
                r * size, Math.min(out.length, (r + 1) * size)));
        return Arrays.asList(out);
    }

    /** The server side of every port a connection targets (or fails over to), by port index; null elsewhere. */
    private ServerSide[] serverSides(TopologySnapshot snapshot, PolicySettings settings, Instant now, int ranges,
                                     ValueClasses classes) {
        boolean[] targeted = new boolean[snapshot.portCount()];
        for (int c = 0; c < snapshot.connectionCount(); c++) {
            int port = snapshot.portOfConnection(c);
            targeted[port] = true;
            int backup = snapshot.backupPortOfPort(port);
            if (backup >= 0) {
                targeted[backup] = true;
            }
        }
        ServerSide[] servers = new ServerSide[targeted.length];
        int size = (servers.length + ranges - 1) / ranges;
        IntStream.range(0, ranges).parallel().forEach(r -> {
            ResolutionRun run = bulkRun(snapshot, settings, now, null, classes);
            for (int p = r * size; p < Math.min(servers.length, (r + 1) * size); p++) {
                if (targeted[p]) {
                    servers[p] = run.server(p);
                }
            }
        });
        return servers;
    }

    private static void resolveRange(ResolutionRun run, EffectivePolicy[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = ConnectionResolution.resolve(run, i);
        }
    }

    /**
     * The effective policies of the connections at the given dense indexes (see
     * {@link TopologySnapshot#reachableConnections}), in that order; used by previews.
     */
    public List<EffectivePolicy> resolveAt(TopologySnapshot snapshot, int[] connectionIndexes, PolicySettings settings) {
        // arrays sized for the topology pay off once a run touches more than a sliver of it
        ResolutionRun run = run(snapshot, settings, connectionIndexes.length * 50L > snapshot.connectionCount());
        EffectivePolicy[] out = new EffectivePolicy[connectionIndexes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ConnectionResolution.resolve(run, connectionIndexes[i]);
        }
        return Arrays.asList(out);
    }

    /**
     * The reference the shared-work paths are tested against: every connection in a run of its own,
     * its client side resolved from its own four layers, no shortcut for the usual transports. Slow;
     * for tests only.
     */
    List<EffectivePolicy> resolveNaively(TopologySnapshot snapshot, PolicySettings settings) {
        EffectivePolicy[] out = new EffectivePolicy[snapshot.connectionCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ConnectionResolution.resolve(new ResolutionRun(snapshot, linkRules, certificateFacts, settings,
                    settings.clock().instant(), false, true, null, new ValueClasses()), i);
        }
        return Arrays.asList(out);
    }

    private ResolutionRun bulkRun(TopologySnapshot snapshot, PolicySettings settings, Instant now, ServerSide[] servers,
                                  ValueClasses classes) {
        return new ResolutionRun(snapshot, linkRules, certificateFacts, settings, now, true, false, servers, classes);
    }

    private ResolutionRun run(TopologySnapshot snapshot, PolicySettings settings, boolean bulk) {
        return new ResolutionRun(Objects.requireNonNull(snapshot, "snapshot"), linkRules, certificateFacts,
                Objects.requireNonNull(settings, "settings"), bulk);
    }
}
