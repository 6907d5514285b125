package dev.tlsconsole.policy.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.CertificateFacts;
import dev.tlsconsole.policy.FakeLinkRules;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicyTesting;
import dev.tlsconsole.policy.SyntheticTopology;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.StagedChange;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TIMING (printed, never asserted — the benchmark comes later): previewing one host-level change that
 * reaches about 10,000 of 100,000 connections.
 */
class PreviewTimingTests {

    /** Thread CPU time next to wall time: on a shared 2-core machine the wall clock mostly measures the neighbours. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void previewsAHostChangeReachingTenThousandConnections() {
        TopologySnapshot snapshot = SyntheticTopology.generate(5_000, 10, 42L);
        long hub = snapshot.host(0).id();
        List<StagedChange> changes = List.of(StagedChange.set(ObjectType.HOST, hub, Map.of("tls-mutual", "1", "tls-crl", "/opt/certs/ca.crl")));
        PolicyPreview preview = new PolicyPreview(new PolicyResolver(new FakeLinkRules(), CertificateFacts.none()));

        PreviewResult result = null;
        long[] cpuMillis = new long[10];
        long[] millis = new long[10];
        for (int run = 0; run < millis.length; run++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = preview.preview(snapshot, changes, PolicyTesting.SETTINGS);
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            cpuMillis[run] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        }
        long[] warm = Arrays.copyOfRange(millis, 3, millis.length);
        Arrays.sort(warm);
        long[] warmCpu = Arrays.copyOfRange(cpuMillis, 3, cpuMillis.length);
        Arrays.sort(warmCpu);
        System.out.printf("[TIMING] preview of a host change: %,d of %,d connections recomputed, %,d changed: first %d ms,"
                + " warm best %d ms, warm median %d ms (thread CPU: best %d ms, median %d ms)%n", result.impacted(),
                snapshot.connectionCount(), result.changed().size(), millis[0], warm[0], warm[warm.length / 2], warmCpu[0],
                warmCpu[warmCpu.length / 2]);

        assertThat(result.impacted()).isBetween(10_000, 10_100);
        assertThat(result.changed()).isNotEmpty().allSatisfy(change -> assertThat(change.before()).isNotEqualTo(change.after()));
    }
}
