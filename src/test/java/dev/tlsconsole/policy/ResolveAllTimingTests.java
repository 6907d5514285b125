package dev.tlsconsole.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TIMING (printed, never asserted — the real benchmark compares against a JDBC read later): resolving
 * every connection of a 100,000-connection / 20,000-application / 5,000-host topology.
 */
class ResolveAllTimingTests {

    /** Thread CPU time next to wall time: on a shared 2-core machine the wall clock mostly measures the neighbours. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void resolvesEveryConnectionOfA100kTopology() {
        long buildStart = System.nanoTime();
        TopologySnapshot snapshot = SyntheticTopology.generate(5_000, 10, 42L);
        long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
        PolicyResolver resolver = new PolicyResolver(new FakeLinkRules(), CertificateFacts.none());

        List<EffectivePolicy> policies = null;
        long[] cpuMillis = new long[8];
        long[] millis = new long[8];
        for (int run = 0; run < millis.length; run++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            policies = resolver.resolveAll(snapshot, PolicyTesting.SETTINGS);
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            cpuMillis[run] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        }
        long[] warm = Arrays.copyOfRange(millis, 3, millis.length);
        Arrays.sort(warm);
        long[] warmCpu = Arrays.copyOfRange(cpuMillis, 3, cpuMillis.length);
        Arrays.sort(warmCpu);
        System.out.printf("[TIMING] resolve-all %,d connections (%,d applications, %,d hosts): first %d ms, warm best %d ms,"
                        + " warm median %d ms (thread CPU: best %d ms, median %d ms); snapshot build %d ms%n", snapshot.connectionCount(),
                snapshot.applicationCount(), snapshot.hostCount(), millis[0], warm[0], warm[warm.length / 2], warmCpu[0],
                warmCpu[warmCpu.length / 2], buildMillis);

        assertThat(snapshot.connectionCount()).isEqualTo(100_000);
        assertThat(snapshot.applicationCount()).isEqualTo(20_000);
        assertThat(policies).hasSize(100_000);
        Map<Mode, Integer> modes = new EnumMap<>(Mode.class);
        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        policies.forEach(p -> {
            modes.merge(p.mode(), 1, Integer::sum);
            grades.merge(p.grade(), 1, Integer::sum);
        });
        System.out.println("[TIMING] modes " + modes + ", grades " + grades);
        assertThat(modes).containsKeys(Mode.PLAINTEXT, Mode.SIMPLE_TLS, Mode.MUTUAL_TLS, Mode.ENCRYPTION_ONLY);
        assertThat(policies.get(12_345).connectionId()).isEqualTo(snapshot.connection(12_345).id());
    }
}
