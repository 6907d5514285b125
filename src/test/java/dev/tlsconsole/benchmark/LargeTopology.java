package dev.tlsconsole.benchmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a large, varied topology straight into the tables with JDBC batches (the services would take
 * hours for 100,000 connections): UNIX and Windows hosts with several Security Pack versions, options at
 * every level, secure, plain and auto-detect ports, and connections spread over the servers — except
 * host {@code bench-host-0}, whose applications receive about {@code hubConnections} connections, so a
 * host-level change reaching ~10,000 connections can be previewed. Seeded: every run writes the same data.
 */
final class LargeTopology {

    static final String HUB_HOST = "bench-host-0";
    private static final String[] SERVERS = {"Configuration Server", "Message Server", "Solution Control Server",
        "SIP Server", "Stat Server", "Interaction Server", "Universal Routing Server", "T-Server"};
    private static final String[] PACKS = {"8.5.1", "8.5.100.25", "8.1.2", null};
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Random random = new Random(42);

    LargeTopology(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes {@code hosts} hosts with {@code perHost} applications each (one port each) and {@code perClient} connections per application. */
    void write(int hosts, int perHost, int perClient, int hubConnections) {
        writeHosts(hosts);
        int applications = hosts * perHost;
        writeApplications(applications, perHost);
        writeConnections(applications, perHost, perClient, hubConnections);
        jdbc.update("update policy_input_revision set revision = revision + 1 where subject = 'TOPOLOGY'");
    }

    private void writeHosts(int count) {
        List<Object[]> hosts = new ArrayList<>();
        List<Object[]> options = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            boolean windows = h % 5 == 4;
            String pack = windows ? null : PACKS[h % PACKS.length];
            String name = "bench-host-" + h;
            hosts.add(new Object[] {h + 1L, name, name, "10." + (h / 65_536) + "." + (h / 256 % 256) + "." + (h % 256),
                windows ? "WINDOWS" : "UNIX", pack});
            if (h % 3 == 0) {
                options.add(new Object[] {h + 1L, "sec-protocol", h % 2 == 0 ? "TLSv12" : "SSLv23"});
            }
            if (h % 7 == 0) {
                options.add(new Object[] {h + 1L, "tls-target-name-check", "host"});
            }
            if (h % 4 == 1) {
                certificateBlock(options, h + 1L, windows, name);
            }
        }
        batch("insert into host (id, name, name_key, ip_address, os_type, security_pack_version, version)"
                + " values (?, ?, ?, ?, ?, ?, 0)", hosts);
        batch("insert into host_option (host_id, option_key, option_value) values (?, ?, ?)", options);
    }

    private void writeApplications(int count, int perHost) {
        List<Object[]> applications = new ArrayList<>();
        List<Object[]> options = new ArrayList<>();
        List<Object[]> ports = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            long id = a + 1L;
            int host = a / perHost;
            String type = SERVERS[a % SERVERS.length];
            String name = "bench-app-" + a;
            applications.add(new Object[] {id, name, name, type, a % 11 == 0 ? "8.1.0" : "8.5.1", host + 1L});
            if (a % 5 == 0) {
                options.add(new Object[] {id, "tls-mutual", "1"});
            }
            if (a % 6 == 2) {
                certificateBlock(options, id, host % 5 == 4, name);
            }
            if (a % 9 == 3) {
                options.add(new Object[] {id, "client-auth", "0"});
            }
            String mode;
            String transport;
            int kind = a % 10;
            if (type.equals("Configuration Server") && kind == 0) {
                mode = "AUTO_DETECT";
                transport = "";
            } else if (kind < 6 || host == 0) {
                mode = "SECURE";
                transport = kind % 2 == 0 ? "tls=1" : "tls=1;certificate=/opt/certs/" + name + ".pem;certificate-key=/opt/certs/"
                        + name + ".key;trusted-ca=/opt/certs/ca.pem";
            } else {
                mode = "UNSECURED";
                transport = "";
            }
            ports.add(new Object[] {id, id, "default", 2000 + a % 60_000, mode, transport});
        }
        batch("insert into application (id, name, name_key, component_type, component_version, host_id, backup_id, version)"
                + " values (?, ?, ?, ?, ?, ?, null, 0)", applications);
        batch("insert into application_option (application_id, option_key, option_value) values (?, ?, ?)", options);
        batch("insert into listening_port (id, application_id, port_id, port_number, listening_mode, transport, ordinal)"
                + " values (?, ?, ?, ?, ?, ?, 0)", ports);
    }

    private void writeConnections(int applications, int perHost, int perClient, int hubConnections) {
        List<Object[]> connections = new ArrayList<>();
        long id = 1;
        int total = applications * perClient;
        // every connection picks a hub port (an application of host 0) with this probability
        double hubShare = (double) hubConnections / total;
        for (int client = 0; client < applications; client++) {
            Set<Integer> targets = new HashSet<>();
            while (targets.size() < perClient) {
                int server = random.nextDouble() < hubShare ? random.nextInt(perHost) : random.nextInt(applications);
                if (server != client) {
                    targets.add(server);
                }
            }
            for (int server : targets) {
                int kind = random.nextInt(10);
                String transport = kind < 6 ? "tls=1" : kind < 9 ? "" : "tls=1;sec-protocol=TLSv12";
                connections.add(new Object[] {id++, client + 1L, server + 1L, transport});
            }
            if (connections.size() >= BATCH) {
                batch("insert into connection (id, client_id, server_port_id, transport, version) values (?, ?, ?, ?, 0)", connections);
                connections.clear();
            }
        }
        batch("insert into connection (id, client_id, server_port_id, transport, version) values (?, ?, ?, ?, 0)", connections);
    }

    private static void certificateBlock(List<Object[]> options, long owner, boolean windows, String name) {
        if (windows) {
            options.add(new Object[] {owner, "certificate", String.format("%040x", owner * 7919L)});
        } else {
            options.add(new Object[] {owner, "certificate", "/opt/certs/" + name + ".pem"});
            options.add(new Object[] {owner, "certificate-key", "/opt/certs/" + name + ".key"});
            options.add(new Object[] {owner, "trusted-ca", "/opt/certs/ca.pem"});
        }
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
