package dev.tlsconsole.policy;

import dev.tlsconsole.policy.snapshot.ApplicationSnapshot;
import dev.tlsconsole.policy.snapshot.ConnectionSnapshot;
import dev.tlsconsole.policy.snapshot.HostSnapshot;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.policy.snapshot.Port;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, realistic-looking large topology: 4 applications per host, half servers with one port
 * each, the other half clients with 10 connections each. Host 0 is a hub: every tenth connection
 * goes to one of its two servers, so a change on host 0 reaches about 10% of all connections.
 */
public final class SyntheticTopology {

    private static final String[] SERVER_TYPES = {"Configuration Server", "Stat Server", "Message Server", "T-Server"};
    private static final String[] CLIENT_TYPES = {"Stat Server", "Universal Routing Server", "Interaction Server", "Outbound Contact Server"};
    private static final String[] PACKS = {TestTopology.MODERN_PACK, "8.5.1", TestTopology.MODERN_PACK, "8.5.0"};

    private SyntheticTopology() {
    }

    /** {@code hosts} hosts, 4 applications each, {@code connectionsPerClient} per client application. */
    public static TopologySnapshot generate(int hosts, int connectionsPerClient, long seed) {
        Random random = new Random(seed);
        List<HostSnapshot> hostList = new ArrayList<>(hosts);
        List<ApplicationSnapshot> apps = new ArrayList<>(hosts * 4);
        List<Port> ports = new ArrayList<>(hosts * 2);
        List<ConnectionSnapshot> connections = new ArrayList<>(hosts * 2 * connectionsPerClient);
        for (int h = 0; h < hosts; h++) {
            boolean windows = h % 5 == 1 || h % 5 == 3;
            hostList.add(new HostSnapshot(h + 1, "host-" + h, "10." + (h / 250) + "." + (h % 250) + ".1",
                    windows ? OsType.WINDOWS : OsType.UNIX, windows ? null : PACKS[h % PACKS.length], hostSection(h, windows)));
        }
        List<Long> clients = new ArrayList<>();
        for (int a = 0; a < hosts * 4; a++) {
            int h = a / 4;
            long id = 1_000_000L + a;
            boolean server = a % 4 < 2;
            String type = server ? SERVER_TYPES[(a / 4) % SERVER_TYPES.length] : CLIENT_TYPES[a % CLIENT_TYPES.length];
            apps.add(new ApplicationSnapshot(id, (server ? "srv-" : "cli-") + a, type, "8.5.1", h + 1, null, appSection(a, server)));
            if (server) {
                ListeningMode mode = a % 20 == 5 ? ListeningMode.UNSECURED : ListeningMode.SECURE;
                ports.add(new Port(2_000_000L + a, id, "default", 2000 + a % 1000, mode, mode == ListeningMode.SECURE ? "tls=1" : ""));
            } else {
                clients.add(id);
            }
        }
        long next = 3_000_000L;
        for (long client : clients) {
            for (int k = 0; k < connectionsPerClient; k++) {
                long port = connections.size() % 10 == 0 ? 2_000_000L + (connections.size() / 10) % 2
                        : ports.get(random.nextInt(ports.size())).id();
                connections.add(new ConnectionSnapshot(next++, client, port, connectionTransport(connections.size())));
            }
        }
        return TopologySnapshot.of(hostList, apps, ports, connections);
    }

    private static Map<String, String> hostSection(int h, boolean windows) {
        if (windows) {
            return h % 2 == 0 ? Map.of() : Map.of("certificate", String.format("%040x", h));
        }
        return h % 3 == 0 ? Map.of() : Map.of("certificate", "/opt/certs/host-" + h + ".pem", "certificate-key",
                "/opt/certs/host-" + h + ".key", "trusted-ca", "/opt/certs/ca.pem");
    }

    private static Map<String, String> appSection(int a, boolean server) {
        if (server) {
            return a % 7 == 0 ? Map.of("tls-mutual", "1", "tls-crl", "/opt/certs/ca.crl") : Map.of();
        }
        return switch (a % 6) {
            case 0 -> Map.of("tls-target-name-check", "host");
            case 1 -> Map.of("trusted-ca", "/opt/certs/ca.pem", "tls-crl", "/opt/certs/ca.crl");
            case 2 -> Map.of("sec-protocol", "SSLv23");
            default -> Map.of();
        };
    }

    private static String connectionTransport(int n) {
        return switch (n % 20) {
            case 7, 8, 17, 18 -> "";
            case 9 -> "tls=1;sec-protocol=TLSv12";
            case 19 -> "tls=1;client-auth=0";
            case 13 -> "tls=1;port=3000;backup-port=3001";
            default -> "tls=1";
        };
    }
}
