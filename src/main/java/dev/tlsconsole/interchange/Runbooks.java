package dev.tlsconsole.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.resolution.EffectivePolicies;
import dev.tlsconsole.resolution.PolicyRow;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.topology.TopologyReader;
import dev.tlsconsole.topology.TopologyReader.ApplicationRow;
import dev.tlsconsole.topology.TopologyReader.HostRow;
import dev.tlsconsole.topology.TopologyReader.PortRow;
import dev.tlsconsole.topology.TopologyReader.Rows;

/**
 * The runbook of a host: the ordered steps that bring it to what the console shows, as Markdown
 * ({@code GET /hosts/{id}/runbook}, the printable page, {@code runbooks/<host>.md} of the export).
 * Every step says how sure it is: <b>documented</b> (a Genesys page says so), <b>seed</b> (the Genesys TLS
 * seed the console is built on says so), <b>unconfirmed</b> (recalled or inferred: verify it first).
 */
@Service
public class Runbooks {

    private static final Pattern THUMBPRINT = Pattern.compile("(?i)[0-9a-f]{40}");
    /** Component types that, run as Windows services with TLS, must log on as a local user (seed). */
    private static final Set<String> JAVA_ESERVICES = Set.of("Universal Contact Server", "E-mail Server",
            "Social Messaging Server");
    private static final List<String> FILE_KEYS = List.of("certificate", "certificate-key", "trusted-ca", "tls-crl");

    private final TopologyReader reader;
    private final EffectivePolicies policies;
    private final Catalog catalog;

    Runbooks(TopologyReader reader, EffectivePolicies policies, Catalog catalog) {
        this.reader = reader;
        this.policies = policies;
        this.catalog = catalog;
    }

    /** The runbook of one host; {@link NotFoundException} when there is no host with that id. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String runbook(long hostId) {
        Rows rows = reader.readAll();
        HostRow host = rows.hosts().stream().filter(h -> h.id() == hostId).findFirst()
                .orElseThrow(() -> NotFoundException.of("Host", hostId));
        return write(new RowIndex(rows), host, policies.reachableFrom(ObjectType.HOST, hostId));
    }

    /** The connections a host's runbook speaks of (the export asks once per host). */
    List<PolicyRow> connectionsOf(long hostId) {
        return policies.reachableFrom(ObjectType.HOST, hostId);
    }

    /** The runbook from rows already read (the export writes one per host from one read). */
    String write(RowIndex index, HostRow host, List<PolicyRow> connections) {
        List<ApplicationRow> apps = index.applicationsOn(host.id());
        SortedMap<String, String> annex = index.hostSection(host.id());
        StringBuilder md = new StringBuilder();
        md.append("# Runbook: ").append(host.name()).append("\n\n");
        md.append("Host ").append(host.name()).append(" (").append(host.ipAddress()).append(", ")
                .append(host.osType() == OsType.UNIX ? "UNIX" : "Windows").append("), ").append(apps.size())
                .append(" application(s), ").append(connections.size()).append(" connection(s) from or to them.\n\n");
        md.append("How sure each step is: **documented** (a Genesys page says so), **seed** (the Genesys TLS seed says so), "
                + "**unconfirmed** (recalled or inferred: check it before relying on it).\n\n");
        int step = 1;
        // files referenced by the options of this host, its applications and their ports
        Map<String, Set<String>> files = new TreeMap<>();
        collectFiles(files, annex, "host annex");
        for (ApplicationRow app : apps) {
            collectFiles(files, index.applicationSection(app.id()), app.name() + " options");
            for (PortRow port : index.portsOf(app.id())) {
                collectFiles(files, transport(port.transport()), app.name() + " port " + port.portId());
            }
        }
        md.append("## Steps\n\n");
        if (host.osType() == OsType.UNIX) {
            TlsVersion highest = highest(connections);
            md.append(step++).append(". **Security Pack** — install the Genesys Security Pack on UNIX on this host")
                    .append(" (recorded: ").append(host.securityPackVersion() == null ? "none" : host.securityPackVersion())
                    .append("). Needed: ").append(packFor(highest)).append(" [documented: SDG Advanced TLS]\n");
            md.append(step++).append(". **Library path** — add the Security Pack's library directory to `LD_LIBRARY_PATH` ")
                    .append("(Linux, Solaris), `LIBPATH` (AIX) or `SHLIB_PATH` (HP-UX) in the environment LCA starts the ")
                    .append("applications with. [documented for LD_LIBRARY_PATH; unconfirmed per platform]\n");
            md.append(step++).append(". **Files** — put these files on the host (owner: the account the applications run as):\n");
            if (files.isEmpty()) {
                md.append("   - none referenced by the options (no certificate, key, CA or CRL path is set)\n");
            }
            for (Map.Entry<String, Set<String>> file : files.entrySet()) {
                md.append("   - `").append(file.getKey()).append("` — ").append(String.join(", ", file.getValue()))
                        .append(", mode ").append(file.getValue().stream().anyMatch(k -> k.startsWith("certificate-key"))
                                ? "0600 (the private key: readable by the application account only)" : "0644")
                        .append(" [unconfirmed: permissions are the usual practice, not a Genesys rule]\n");
            }
        } else {
            md.append(step++).append(". **Nothing to install** — Windows uses SChannel; the OS settings decide the protocol. ")
                    .append("[documented: SDG TLS implementations]\n");
            md.append(step++).append(". **Certificates** — import into the **Local Computer** store (Personal, with the private key) ")
                    .append("the certificates these thumbprints name, and their CAs into Trusted Root Certification Authorities:\n");
            if (files.isEmpty()) {
                md.append("   - none referenced by the options\n");
            }
            for (Map.Entry<String, Set<String>> file : files.entrySet()) {
                md.append("   - ").append(THUMBPRINT.matcher(file.getKey()).matches() ? "thumbprint `" : "`")
                        .append(file.getKey()).append("` — ").append(String.join(", ", file.getValue())).append("\n");
            }
            md.append("   [documented: Local Computer store and SHA-1 thumbprint; the Personal store is unconfirmed]\n");
            md.append(step++).append(". **Private key access** — give the account each Genesys service runs as read access to ")
                    .append("the private key (certificate > All Tasks > Manage Private Keys). [unconfirmed wording]\n");
            List<String> eservices = apps.stream().filter(a -> JAVA_ESERVICES.contains(a.componentType()))
                    .map(ApplicationRow::name).toList();
            if (!eservices.isEmpty()) {
                md.append(step++).append(". **Service log-on** — ").append(String.join(", ", eservices))
                        .append(": as Windows services with TLS they must log on as a local host user ")
                        .append("(service > Log On > This account). [seed]\n");
            }
        }
        md.append(step++).append(". **Options** — import in Genesys Administrator or GAX: `hosts/")
                .append(OptionFiles.fileName(host.name())).append(".annex.cfg` into the Host's annex");
        for (ApplicationRow app : apps) {
            md.append(", `applications/").append(OptionFiles.fileName(app.name())).append(".options.cfg` into ")
                    .append(app.name()).append("'s options");
        }
        md.append("; set the port transports of `ports.csv` and connection transports of `connections.csv`. [documented]\n");
        for (ApplicationRow app : apps) {
            Component component = catalog.find(app.componentType()).orElse(null);
            if (component != null && component.configFileName().isPresent()) {
                md.append(step++).append(". **").append(component.configFileName().get()).append("** — ").append(app.name())
                        .append(" reads TLS options only from its own file: copy `config-files/")
                        .append(OptionFiles.fileName(host.name())).append("/").append(component.configFileName().get())
                        .append("` into its `[security]` section on the host. [seed]\n");
            }
        }
        md.append(step++).append(". **When changes take effect** — per option set on this host, its applications, ports and ")
                .append("connections:\n");
        java.util.Set<String> keys = new java.util.TreeSet<>(annex.keySet());
        for (ApplicationRow app : apps) {
            keys.addAll(index.applicationSection(app.id()).keySet());
            keys.addAll(index.applicationAnnex(app.id()).keySet());
            index.portsOf(app.id()).forEach(port -> keys.addAll(transport(port.transport()).keySet()));
        }
        java.util.Set<Long> here = new java.util.HashSet<>();
        apps.forEach(app -> here.add(app.id()));
        index.rows.connections().stream().filter(c -> here.contains(c.clientId()))
                .forEach(c -> keys.addAll(transport(c.transport()).keySet()));
        keys.remove("tls");
        if (keys.isEmpty()) {
            md.append("   - no TLS option is set here\n");
        }
        RestartRules.describe(keys).forEach(line -> md.append("   - ").append(line).append("\n"));
        md.append("   - a Security Pack installed or upgraded: every TLS application restarts [documented: Management Framework ")
                .append("Deployment Guide, Genesys Implementation of Secure Protocol Connections (docs.genesys.com/Documentation/FR/")
                .append("latest/Dep/RSAtoOpenSSL) [D8]]\n");
        List<String> lca = apps.stream().filter(a -> a.componentType().equals("Local Control Agent")).map(ApplicationRow::name).toList();
        md.append(step++).append(". **Restart** — ");
        if (host.osType() == OsType.UNIX) {
            md.append("restart LCA first").append(lca.isEmpty() ? "" : " (" + String.join(", ", lca) + ")")
                    .append(" so the applications it starts inherit the library path, then the applications: ");
        } else {
            md.append("restart the services of the applications: ");
        }
        md.append(apps.stream().filter(a -> !lca.contains(a.name())).map(ApplicationRow::name).toList().isEmpty() ? "none"
                : String.join(", ", apps.stream().filter(a -> !lca.contains(a.name())).map(ApplicationRow::name).toList()))
                .append(". [documented: SDG; LCA first is seed]\n");
        md.append(step).append(". **Peers in the same window** — ");
        List<String> peers = peers(host, connections);
        if (peers.isEmpty()) {
            md.append("none: no connection leaves this host.\n");
        } else {
            md.append("change these together with this host, so nothing breaks in between ")
                    .append("(a client turned to mutual before its server has a certificate, a server made secure before its ")
                    .append("clients use TLS) [inferred from the effective policies]:\n");
            peers.forEach(p -> md.append("   - ").append(p).append("\n"));
        }
        return md.toString();
    }

    private static List<String> peers(HostRow host, List<PolicyRow> connections) {
        Map<String, List<String>> byPeer = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (PolicyRow c : connections) {
            boolean clientHere = c.clientHostId() == host.id();
            boolean serverHere = c.serverHostId() == host.id();
            if (clientHere && serverHere) {
                continue;
            }
            String peerHost = clientHere ? c.serverHost() : c.clientHost();
            String line = c.client() + " → " + c.server() + ":" + c.portId() + " (" + c.mode().name()
                    + (c.protocol() == null ? "" : ", " + c.protocol().name()) + ", grade " + c.gradeLabel()
                    + (c.mode() == Mode.MUTUAL_TLS ? ", mutual: both certificates first" : "") + ")";
            byPeer.computeIfAbsent(peerHost, k -> new ArrayList<>()).add(line);
        }
        List<String> lines = new ArrayList<>();
        byPeer.forEach((peer, list) -> lines.add(peer + ": " + String.join("; ", list)));
        return lines;
    }

    private static TlsVersion highest(List<PolicyRow> connections) {
        TlsVersion highest = null;
        for (PolicyRow c : connections) {
            if (c.protocol() != null && (highest == null || c.protocol().compareTo(highest) > 0)) {
                highest = c.protocol();
            }
        }
        return highest;
    }

    /** The Security Pack generation a negotiated protocol needs (reference §8 C). */
    static String packFor(TlsVersion highest) {
        if (highest == null) {
            return "any (no connection negotiates TLS yet)";
        }
        return switch (highest) {
            case TLSv13 -> "8.5.100.25 or later for TLS 1.3 (OpenSSL 1.1.1)";
            case TLSv12 -> "8.5.1 (OpenSSL pack) or later for TLS 1.2; the old RSA pack stops at TLS 1.1";
            default -> "8.5 or later for " + highest.name() + " (an obsolete protocol: plan TLS 1.2)";
        };
    }

    private static void collectFiles(Map<String, Set<String>> files, Map<String, String> options, String where) {
        for (String key : FILE_KEYS) {
            String value = options.get(key);
            if (value == null || value.isBlank()) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    files.computeIfAbsent(part.strip(), p -> new TreeSet<>()).add(key + " (" + where + ")");
                }
            }
        }
    }

    private static Map<String, String> transport(String text) {
        try {
            return TransportString.parse(text == null ? "" : text).asMap();
        } catch (RuntimeException e) {
            // a stored transport is canonical; one that does not parse any more contributes no file
            return Map.of();
        }
    }
}
