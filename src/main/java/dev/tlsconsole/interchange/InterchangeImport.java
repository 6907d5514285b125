package dev.tlsconsole.interchange;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.interchange.GenesysFiles.Upload;
import dev.tlsconsole.interchange.OptionFiles.UnreadableFile;
import dev.tlsconsole.interchange.OptionFiles.Warning;

/**
 * {@code POST /imports/genesys}: the files are read completely first (a file that cannot be read is a
 * 400 naming file and line, and nothing is written), then the topology is brought to what they say in
 * one transaction — rolled back for a dry run, so the plan shown is exactly what the apply does.
 */
@Service
public class InterchangeImport {

    private final TopologyUpsert upsert;

    InterchangeImport(TopologyUpsert upsert) {
        this.upsert = upsert;
    }

    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(action = "topology.import.genesys", objectType = "TOPOLOGY")
    @Transactional
    public ImportPlan importGenesys(List<Upload> uploads, boolean dryRun, boolean prune) {
        if (uploads.isEmpty()) {
            throw InvalidInputException.of("file", "upload the archive of GET /exports/genesys or some of its files");
        }
        GenesysFiles files;
        try {
            files = GenesysFiles.read(uploads);
        } catch (UnreadableFile e) {
            throw InvalidInputException.of(e.file() + (e.line() > 0 ? ":" + e.line() : ""), e.getMessage());
        }
        Incoming incoming = files.incoming();
        if (!files.certificates().isEmpty() || !files.crls().isEmpty()) {
            incoming.warnings.add(new Warning("certificates/", 0, (files.certificates().size() + files.crls().size())
                    + " certificate and CRL file(s) are not added to the inventory by this import: import them on the Certificates page"));
        }
        return upsert.run(incoming, dryRun, prune, "topology.import.genesys");
    }
}
