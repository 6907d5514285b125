package dev.tlsconsole.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.tlsconsole.catalog.CatalogLinkRules;
import dev.tlsconsole.catalog.CatalogLoader;
import dev.tlsconsole.catalog.LinkCheck;
import dev.tlsconsole.policy.CertificateFacts;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ConnectionSnapshot;
import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.policy.snapshot.Port;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;

/**
 * For iterating on the engine without Spring or H2: {@link PolicyBenchmark}'s 100,000-connection topology
 * (the rows {@link LargeTopology} writes, same seed) built straight into a snapshot, resolved with the real
 * catalog, timed as the benchmark times it (wall, thread CPU, process CPU; medians). Run with the test
 * class path: {@code java -cp target/classes:target/test-classes:<deps> dev.tlsconsole.benchmark.ResolveAllHarness [runs]}.
 * Not a test and not a benchmark of the suite (no floor in the same run); figures go to {@code target/benchmarks/resolve-harness.txt}.
 */
final class ResolveAllHarness {

    private static final String[] SERVERS = {"Configuration Server", "Message Server", "Solution Control Server",
        "SIP Server", "Stat Server", "Interaction Server", "Universal Routing Server", "T-Server"};
    private static final String[] PACKS = {"8.5.1", "8.5.100.25", "8.1.2", null};

    private ResolveAllHarness() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        TopologySnapshot snapshot = topology(hosts, 4, 5, hosts * 2);
        PolicyResolver resolver = new PolicyResolver(new CatalogLinkRules(new LinkCheck(CatalogLoader.loadDefault())),
                CertificateFacts.none());
        PolicySettings settings = PolicySettings.defaults(Clock.systemUTC());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> wall = new ArrayList<>();
        List<Double> javaCpu = new ArrayList<>();
        List<Double> processCpu = new ArrayList<>();
        List<Double> allocated = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long[] ids = threads.getAllThreadIds();
            long a = sum(threads.getThreadAllocatedBytes(ids));
            long c = sum(threads.getThreadCpuTime(ids));
            long p = process.getProcessCpuTime();
            long w = System.nanoTime();
            resolver.resolveAll(snapshot, settings);
            if (i >= runs / 3) {
                wall.add((System.nanoTime() - w) / 1e6);
                processCpu.add((process.getProcessCpuTime() - p) / 1e6);
                long[] after = threads.getAllThreadIds();
                javaCpu.add((sum(threads.getThreadCpuTime(after)) - c) / 1e6);
                allocated.add((sum(threads.getThreadAllocatedBytes(after)) - a) / 1_048_576.0);
            }
        }
        List<?> kept = resolver.resolveAll(snapshot, settings);
        long heapWith = usedAfterGc();
        int size = kept.size();
        kept = null;
        long heapWithout = usedAfterGc();
        new BenchmarkReport("resolve-harness")
                .note(String.format("%d connections, medians of %d runs after %d warm-ups", size, wall.size(), runs - wall.size()))
                .figure("resolve-all, wall", BenchmarkReport.median(wall), "ms")
                .figure("resolve-all, CPU of every Java thread", BenchmarkReport.median(javaCpu), "ms")
                .figure("resolve-all, process CPU (GC included)", BenchmarkReport.median(processCpu), "ms")
                .figure("resolve-all, allocated", BenchmarkReport.median(allocated), "MB")
                .figure("heap the result keeps", (heapWith - heapWithout) / 1_048_576.0, "MB")
                .note(String.format("load average: %.1f", process.getSystemLoadAverage()))
                .publish();
    }

    /** Thread ids that ended meanwhile read as -1: only the live threads count. */
    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += Math.max(0, value);
        }
        return total;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** What {@link LargeTopology#write} writes, as a snapshot (ids as it assigns them). */
    static TopologySnapshot topology(int hostCount, int perHost, int perClient, int hubConnections) {
        Random random = new Random(42);
        List<HostSnapshot> hosts = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            boolean windows = h % 5 == 4;
            String name = "bench-host-" + h;
            Map<String, String> options = new LinkedHashMap<>();
            if (h % 3 == 0) {
                options.put("sec-protocol", h % 2 == 0 ? "TLSv12" : "SSLv23");
            }
            if (h % 7 == 0) {
                options.put("tls-target-name-check", "host");
            }
            if (h % 4 == 1) {
                certificateBlock(options, h + 1L, windows, name);
            }
            hosts.add(new HostSnapshot(h + 1L, name, "10." + (h / 65_536) + "." + (h / 256 % 256) + "." + (h % 256),
                    windows ? OsType.WINDOWS : OsType.UNIX, windows ? null : PACKS[h % PACKS.length], options.isEmpty() ? Map.of() : options));
        }
        int count = hostCount * perHost;
        List<ApplicationSnapshot> applications = new ArrayList<>();
        List<Port> ports = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            long id = a + 1L;
            int host = a / perHost;
            String type = SERVERS[a % SERVERS.length];
            String name = "bench-app-" + a;
            Map<String, String> options = new LinkedHashMap<>();
            if (a % 5 == 0) {
                options.put("tls-mutual", "1");
            }
            if (a % 6 == 2) {
                certificateBlock(options, id, host % 5 == 4, name);
            }
            if (a % 9 == 3) {
                options.put("client-auth", "0");
            }
            applications.add(new ApplicationSnapshot(id, name, type, a % 11 == 0 ? "8.1.0" : "8.5.1", host + 1L, null,
                    options.isEmpty() ? Map.of() : options));
            ListeningMode mode;
            String transport;
            int kind = a % 10;
            if (type.equals("Configuration Server") && kind == 0) {
                mode = ListeningMode.AUTO_DETECT;
                transport = "";
            } else if (kind < 6 || host == 0) {
                mode = ListeningMode.SECURE;
                transport = kind % 2 == 0 ? "tls=1" : "tls=1;certificate=/opt/certs/" + name + ".pem;certificate-key=/opt/certs/"
                        + name + ".key;trusted-ca=/opt/certs/ca.pem";
            } else {
                mode = ListeningMode.UNSECURED;
                transport = "";
            }
            ports.add(new Port(id, id, "default", 2000 + a % 60_000, mode, transport));
        }
        List<ConnectionSnapshot> connections = new ArrayList<>();
        long id = 1;
        double hubShare = (double) hubConnections / (count * perClient);
        for (int client = 0; client < count; client++) {
            Set<Integer> targets = new HashSet<>();
            while (targets.size() < perClient) {
                int server = random.nextDouble() < hubShare ? random.nextInt(perHost) : random.nextInt(count);
                if (server != client) {
                    targets.add(server);
                }
            }
            for (int server : targets) {
                int kind = random.nextInt(10);
                String transport = kind < 6 ? "tls=1" : kind < 9 ? "" : "tls=1;sec-protocol=TLSv12";
                connections.add(new ConnectionSnapshot(id++, client + 1L, server + 1L, transport));
            }
        }
        return TopologySnapshot.of(hosts, applications, ports, connections);
    }

    private static void certificateBlock(Map<String, String> options, long owner, boolean windows, String name) {
        if (windows) {
            options.put("certificate", String.format("%040x", owner * 7919L));
        } else {
            options.put("certificate", "/opt/certs/" + name + ".pem");
            options.put("certificate-key", "/opt/certs/" + name + ".key");
            options.put("trusted-ca", "/opt/certs/ca.pem");
        }
    }
}
