package dev.tlsconsole.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.assignment.CertificateInterchange;
import dev.tlsconsole.interchange.GenesysFiles.Upload;
import dev.tlsconsole.interchange.OptionFiles.UnreadableFile;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;
import dev.tlsconsole.topology.bulk.TopologyDocument;
import dev.tlsconsole.topology.bulk.TopologyImport;
import dev.tlsconsole.topology.connection.ConnectionCommands.NewConnection;
import dev.tlsconsole.topology.host.HostCommands.NewHost;

/**
 * {@code POST /imports/genesys}: the files are read completely first (a file that cannot be read is a
 * 400 naming file and line, and nothing is written), then the topology is brought to what they say in
 * one transaction — rolled back for a dry run, so the plan shown is exactly what the apply does.
 * {@code POST /topology/import} (the console's JSON document) is planned and applied the same way.
 */
@Service
public class InterchangeImport {

    private final TopologyUpsert upsert;
    private final TopologyImport documentCheck;
    private final CertificateInterchange certificates;
    private final ImportLimits limits;

    InterchangeImport(TopologyUpsert upsert, TopologyImport documentCheck, CertificateInterchange certificates,
            ImportLimits limits) {
        this.upsert = upsert;
        this.documentCheck = documentCheck;
        this.certificates = certificates;
        this.limits = limits;
    }

    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(AuditAction.TOPOLOGY_IMPORT_GENESYS)
    @Transactional
    public ImportPlan importGenesys(List<Upload> uploads, boolean dryRun, boolean prune) {
        if (uploads.isEmpty()) {
            throw InvalidInputException.of("file", "upload the archive of GET /exports/genesys or some of its files");
        }
        ImportProgress.current().phase(ImportProgress.Phase.READING, uploads.size());
        GenesysFiles files;
        try {
            files = GenesysFiles.read(uploads, limits.maxUnpackedSize().toBytes(), limits.maxArchiveFiles());
        } catch (UnreadableFile e) {
            throw InvalidInputException.of(e.file() + (e.line() > 0 ? ":" + e.line() : ""), e.getMessage());
        }
        Incoming incoming = files.incoming();
        // every certificate and CRL is read and checked before the first write: a bad one is a 400 naming its file
        CertificateInterchange.Plan material = certificates.plan(ArchiveCertificates.certificates(files.certificates()),
                ArchiveCertificates.crls(files.crls()));
        // the impact judges every connection with the certificates and CRLs as the apply will have added them
        CertificateInterchange.Facts facts = material.items().isEmpty() ? null : certificates.facts(material);
        ImportPlan plan = upsert.run(incoming, dryRun, prune, AuditAction.TOPOLOGY_IMPORT_GENESYS, facts);
        if (!dryRun) {
            certificates.add(material);
        }
        return plan.withInventory(material.items().stream().map(i -> new ImportPlan.InventoryItem(i.type(), i.file(), i.name(),
                i.match(), i.action().name(), i.paths(), i.note())).toList());
    }

    /**
     * The JSON document of {@code GET /topology/export}: checked as a whole first (a 400 lists every problem
     * by its place, e.g. {@code applications[3].host}), then upserted like a Genesys archive. The document
     * describes each object completely (a missing section or annex is empty) and lists every kind, so
     * {@code prune} deletes the hosts, applications, ports and connections it does not name.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(AuditAction.TOPOLOGY_IMPORT)
    @Transactional
    public ImportPlan importDocument(TopologyDocument document, boolean dryRun, boolean prune) {
        documentCheck.checkForUpsert(document);
        return upsert.run(incoming(document), dryRun, prune, AuditAction.TOPOLOGY_IMPORT);
    }

    /** The document as the planner reads imports; each object's origin is its place in the document. */
    static Incoming incoming(TopologyDocument document) {
        Incoming in = new Incoming();
        in.hostsListed = true;
        in.applicationsListed = true;
        in.portsListed = true;
        in.connectionsListed = true;
        for (int i = 0; i < document.hosts().size(); i++) {
            NewHost h = document.hosts().get(i);
            in.putHost(h.name(), new Incoming.HostAttributes(h.ipAddress(), h.osType(), h.osVersion(),
                    h.securityPackVersion()), section(h.security()), "hosts[" + i + "]");
        }
        for (int i = 0; i < document.applications().size(); i++) {
            NewApplication a = document.applications().get(i);
            List<Incoming.PortIn> ports = new ArrayList<>();
            if (a.ports() != null) {
                for (PortSpec p : a.ports()) {
                    ports.add(new Incoming.PortIn(p.portId(), p.number(), p.listeningMode(), p.transport()));
                }
            }
            in.putApplication(a.name(), new Incoming.ApplicationAttributes(a.componentType(), a.componentVersion(),
                    a.host(), a.backup()), section(a.security()), section(a.annex()), ports, "applications[" + i + "]");
        }
        for (int i = 0; i < document.connections().size(); i++) {
            NewConnection c = document.connections().get(i);
            Incoming.ConnectionIn connection = new Incoming.ConnectionIn(c.client().strip(), c.server().strip(),
                    c.portId().strip(), c.transport() == null ? "" : c.transport(), "connections[" + i + "]");
            in.connections.put(connection.key(), connection);
        }
        return in;
    }

    private static SortedMap<String, String> section(Map<String, String> section) {
        return section == null ? new TreeMap<>() : new TreeMap<>(section);
    }
}
