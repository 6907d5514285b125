package dev.tlsconsole.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Component;
import dev.tlsconsole.catalog.Note;
import dev.tlsconsole.catalog.NoteKind;
import dev.tlsconsole.certificates.assignment.CertificateInterchange;
import dev.tlsconsole.interchange.OptionFiles.Kind;
import dev.tlsconsole.topology.TopologyReader;
import dev.tlsconsole.topology.TopologyReader.ApplicationRow;
import dev.tlsconsole.topology.TopologyReader.ConnectionRow;
import dev.tlsconsole.topology.TopologyReader.HostRow;
import dev.tlsconsole.topology.TopologyReader.PortRow;

/**
 * {@code GET /exports/genesys}: the topology in Genesys's own forms, as one ZIP (layout in API.md):
 * option files per host and application, the structure as CSV, the {@code [security]} sections of the
 * components configured from their own file, a runbook per host and a README saying in which order to
 * apply what. Objects are in name order, so the same topology exports to the same files.
 */
@Service
public class GenesysExport {

    private final TopologyReader reader;
    private final Runbooks runbooks;
    private final Catalog catalog;
    private final CertificateInterchange certificates;

    GenesysExport(TopologyReader reader, Runbooks runbooks, Catalog catalog, CertificateInterchange certificates) {
        this.reader = reader;
        this.runbooks = runbooks;
        this.catalog = catalog;
        this.certificates = certificates;
    }

    /** The archive for every host, or only for the hosts named in {@code hostNames} (and what runs on them). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] export(List<String> hostNames) {
        RowIndex index = new RowIndex(reader.readAll());
        List<HostRow> hosts = selectHosts(index, hostNames);
        Set<Long> hostIds = new HashSet<>();
        hosts.forEach(h -> hostIds.add(h.id()));
        List<ApplicationRow> applications = index.rows.applications().stream().filter(a -> hostIds.contains(a.hostId()))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        Set<Long> applicationIds = new HashSet<>();
        applications.forEach(a -> applicationIds.add(a.id()));
        List<ConnectionRow> exportedConnections = index.rows.connections().stream()
                .filter(c -> applicationIds.contains(c.clientId()) || applicationIds.contains(c.serverId())).toList();
        CertificateInterchange.Referenced referenced = certificates.referenced(referencedValues(index, hosts, applications,
                exportedConnections));
        Map<String, String> certificateFiles = ArchiveCertificates.files(referenced);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.md", readme(hosts, applications, ArchiveCertificates.readme(referenced, certificateFiles)));
            for (Map.Entry<String, String> file : certificateFiles.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
            List<List<String>> hostRows = new ArrayList<>();
            for (HostRow host : hosts) {
                put(zip, "hosts/" + OptionFiles.fileName(host.name()) + Kind.HOST_ANNEX.suffix(),
                        OptionFiles.write(Kind.HOST_ANNEX, host.name(), index.hostSection(host.id())));
                hostRows.add(cells(host.name(), host.ipAddress(), host.osType().name(), host.osVersion(),
                        host.securityPackVersion()));
            }
            List<List<String>> applicationRows = new ArrayList<>();
            List<List<String>> portRows = new ArrayList<>();
            for (ApplicationRow app : applications) {
                put(zip, "applications/" + OptionFiles.fileName(app.name()) + Kind.APPLICATION_OPTIONS.suffix(),
                        OptionFiles.write(Kind.APPLICATION_OPTIONS, app.name(), index.applicationSection(app.id())));
                SortedMap<String, String> appAnnex = index.applicationAnnex(app.id());
                if (appAnnex != null && !appAnnex.isEmpty()) {
                    put(zip, "applications/" + OptionFiles.fileName(app.name()) + Kind.APPLICATION_ANNEX.suffix(),
                            OptionFiles.write(Kind.APPLICATION_ANNEX, app.name(), appAnnex));
                }
                ApplicationRow backup = app.backupId() == null ? null : index.applications.get(app.backupId());
                applicationRows.add(cells(app.name(), app.componentType(), app.componentVersion(),
                        index.hosts.get(app.hostId()).name(), backup == null ? "" : backup.name()));
                for (PortRow port : index.portsOf(app.id())) {
                    portRows.add(cells(app.name(), port.portId(), Integer.toString(port.number()),
                            port.listeningMode().name(), port.transport()));
                }
            }
            List<List<String>> connectionRows = new ArrayList<>();
            List<ConnectionRow> connections = new ArrayList<>(exportedConnections);
            connections.sort((a, b) -> {
                int byClient = name(index, a.clientId()).compareToIgnoreCase(name(index, b.clientId()));
                int byServer = name(index, a.serverId()).compareToIgnoreCase(name(index, b.serverId()));
                return byClient != 0 ? byClient : byServer != 0 ? byServer : a.portId().compareToIgnoreCase(b.portId());
            });
            for (ConnectionRow c : connections) {
                connectionRows.add(cells(name(index, c.clientId()), name(index, c.serverId()), c.portId(), c.transport()));
            }
            put(zip, "hosts.csv", InterchangeCsv.write(InterchangeCsv.HOSTS, hostRows));
            put(zip, "applications.csv", InterchangeCsv.write(InterchangeCsv.APPLICATIONS, applicationRows));
            put(zip, "ports.csv", InterchangeCsv.write(InterchangeCsv.PORTS, portRows));
            put(zip, "connections.csv", InterchangeCsv.write(InterchangeCsv.CONNECTIONS, connectionRows));
            for (HostRow host : hosts) {
                for (Map.Entry<String, String> file : configFiles(index, host).entrySet()) {
                    put(zip, "config-files/" + OptionFiles.fileName(host.name()) + "/" + file.getKey(), file.getValue());
                }
                put(zip, "runbooks/" + OptionFiles.fileName(host.name()) + ".md",
                        runbooks.write(index, host, runbooks.connectionsOf(host.id())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The {@code certificate}, {@code trusted-ca} and {@code tls-crl} values the exported objects set, at every level. */
    private static Set<String> referencedValues(RowIndex index, List<HostRow> hosts, List<ApplicationRow> applications,
            List<ConnectionRow> connections) {
        Set<String> values = new HashSet<>();
        hosts.forEach(h -> ArchiveCertificates.referencedIn(index.hostSection(h.id()), values));
        for (ApplicationRow app : applications) {
            ArchiveCertificates.referencedIn(index.applicationSection(app.id()), values);
            ArchiveCertificates.referencedIn(index.applicationAnnex(app.id()), values);
            index.portsOf(app.id()).forEach(p -> ArchiveCertificates.referencedInTransport(p.transport(), values));
        }
        connections.forEach(c -> ArchiveCertificates.referencedInTransport(c.transport(), values));
        return values;
    }

    private static String name(RowIndex index, long applicationId) {
        return index.applications.get(applicationId).name();
    }

    private static List<HostRow> selectHosts(RowIndex index, List<String> names) {
        List<HostRow> all = new ArrayList<>(index.rows.hosts());
        all.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        if (names == null || names.isEmpty()) {
            return all;
        }
        Map<String, HostRow> byKey = new TreeMap<>();
        all.forEach(h -> byKey.put(h.name().toLowerCase(Locale.ROOT), h));
        List<HostRow> selected = new ArrayList<>();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            HostRow host = byKey.get(name.strip().toLowerCase(Locale.ROOT));
            if (host == null) {
                problems.add(new InvalidInputException.FieldProblem("hosts", "host '" + name.strip() + "' does not exist"));
            } else if (!selected.contains(host)) {
                selected.add(host);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        selected.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return selected;
    }

    /**
     * The {@code [security]} section of each component of this host that reads only its own file
     * (LCA {@code lca.cfg}, GDA {@code gda.cfg}): its application options, over the host annex. Every
     * host that runs applications needs an LCA, so it gets an {@code lca.cfg} even when no LCA
     * application is recorded (then from the host annex alone).
     */
    private Map<String, String> configFiles(RowIndex index, HostRow host) {
        Map<String, String> files = new TreeMap<>();
        List<ApplicationRow> apps = index.applicationsOn(host.id());
        for (ApplicationRow app : apps) {
            Component component = catalog.find(app.componentType()).orElse(null);
            if (component != null && component.configFileName().isPresent()) {
                SortedMap<String, String> section = new TreeMap<>(index.hostSection(host.id()));
                section.putAll(index.applicationSection(app.id()));
                files.put(component.configFileName().get(), configFile(component.configFileName().get(), app.name(), section));
            }
        }
        if (!apps.isEmpty() && !files.containsKey("lca.cfg")) {
            files.put("lca.cfg", configFile("lca.cfg", "LCA on " + host.name(), index.hostSection(host.id())));
        }
        return files;
    }

    private static String configFile(String file, String name, SortedMap<String, String> section) {
        String text = OptionFiles.write(Kind.APPLICATION_OPTIONS, name, section);
        return "# " + file + ": external — set on the host itself, the component does not read Configuration Server\n" + text;
    }

    private String readme(List<HostRow> hosts, List<ApplicationRow> applications, String certificateSection) {
        StringBuilder md = new StringBuilder();
        md.append("# Genesys TLS settings exported by the TLS Topology Console\n\n");
        md.append(hosts.size()).append(" host(s), ").append(applications.size()).append(" application(s).\n\n");
        md.append("## What is in the archive\n\n");
        md.append("- `hosts/<host>.annex.cfg` — the Host's annex `[security]` section\n");
        md.append("- `applications/<app>.options.cfg` — the Application's options `[security]` section; ")
                .append("`applications/<app>.annex.cfg` — its annex `[security]` (only where set)\n");
        md.append("- `hosts.csv`, `applications.csv`, `ports.csv`, `connections.csv` — the structure; ports and connections ")
                .append("carry their transport strings (the Transport parameters of the port or connection)\n");
        md.append("- `config-files/<host>/lca.cfg`, `gda.cfg` — the `[security]` sections of the components that read only their own file\n");
        md.append("- `runbooks/<host>.md` — the steps for each host\n");
        md.append("- `certificates/<name>.pem` — the public certificates the options reference (with their chains, leaf first), ")
                .append("and their issuing CAs; `crls/<issuer>.crl` — the CRLs of those issuers and those `tls-crl` names (PEM). ")
                .append("Never a private key. The `#` lines at the top of each say where the file goes (`# Deployed at:`)\n\n");
        md.append("Each `.cfg` starts with `# <type>: <exact name>`; file names replace characters outside `[A-Za-z0-9._-]` with `_`.\n\n");
        md.append("## Order\n\n");
        md.append("1. Certificates, keys, CAs and CRLs onto the hosts (UNIX paths, or the Windows Local Computer store) — the files of ")
                .append("`certificates/` and `crls/` as listed below, the keys as each runbook says — before any option that references them.\n");
        md.append("2. UNIX: the Security Pack and the library path on every host running TLS components; restart LCA first.\n");
        md.append("3. Servers before clients: import each server's options and set its secure ports (`ports.csv`), then the ")
                .append("Host annexes, then the clients' options and the connections' transports (`connections.csv`).\n");
        md.append("4. `lca.cfg` / `gda.cfg` sections on the hosts.\n");
        md.append("5. Restart as each runbook says (`tls-mutual` takes effect immediately; otherwise restart to be sure).\n\n");
        md.append(certificateSection);
        List<String> notes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ApplicationRow app : applications) {
            Component component = catalog.find(app.componentType()).orElse(null);
            if (component == null) {
                continue;
            }
            for (Note note : component.notes(NoteKind.PRODUCT_SPECIFIC)) {
                if (seen.add(note.id() + "/" + component.name())) {
                    notes.add("- " + component.name() + ": " + note.text().strip());
                }
            }
        }
        if (!notes.isEmpty()) {
            md.append("## Product-specific notes (not the standard options)\n\n");
            notes.forEach(n -> md.append(n).append("\n"));
        }
        return md.toString();
    }

    private static List<String> cells(String... cells) {
        List<String> list = new ArrayList<>(cells.length);
        for (String cell : cells) {
            list.add(cell == null ? "" : cell);
        }
        return list;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
