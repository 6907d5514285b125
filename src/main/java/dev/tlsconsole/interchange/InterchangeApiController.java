package dev.tlsconsole.interchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.interchange.GenesysFiles.Upload;
import dev.tlsconsole.topology.bulk.TopologyDocument;

/** The Genesys interchange of API.md: the archive out, files in (a plan, then an apply), a runbook per host. */
@ApiController
class InterchangeApiController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final GenesysExport export;
    private final Runbooks runbooks;
    private final InterchangeImport importer;

    InterchangeApiController(GenesysExport export, Runbooks runbooks, InterchangeImport importer) {
        this.export = export;
        this.runbooks = runbooks;
        this.importer = importer;
    }

    /**
     * {@code POST /imports/genesys?dryRun=true|false&prune=false}, multipart {@code file} (repeatable): the
     * archive or any of its files → the plan; applied unless {@code dryRun}.
     */
    @PostMapping(value = "/imports/genesys", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportPlan importGenesys(@RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(defaultValue = "false") boolean prune) {
        return importer.importGenesys(uploads(files), dryRun, prune);
    }

    /**
     * {@code POST /topology/import?dryRun=false&prune=false}, the JSON document of {@code GET /topology/export}
     * → the same plan as a Genesys import: existing objects (by name, ignoring case) are updated, new ones
     * created, nothing deleted unless {@code prune}; all or nothing, a 400 lists every problem. Applied by
     * default, as before {@code dryRun} existed.
     */
    @Operation(operationId = "importTopology")
    @PostMapping("/topology/import")
    ImportPlan importDocument(@RequestBody TopologyDocument document, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean prune) {
        return importer.importDocument(document, dryRun, prune);
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            try {
                uploads.add(new Upload(file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                        file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("the upload could not be read", e);
            }
        }
        return uploads;
    }

    /** {@code GET /exports/genesys[?hosts=h1,h2]} → {@code application/zip}. */
    @GetMapping("/exports/genesys")
    ResponseEntity<byte[]> exportGenesys(@RequestParam(required = false) String hosts) {
        List<String> names = hosts == null ? List.of() : Arrays.stream(hosts.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(names.size() == 1 ? "genesys-" + OptionFiles.fileName(names.get(0)) + ".zip" : "genesys.zip")
                        .build().toString())
                .body(export.export(names));
    }

    /** {@code GET /hosts/{id}/runbook} → {@code text/markdown}. */
    @GetMapping(value = "/hosts/{id}/runbook", produces = "text/markdown")
    ResponseEntity<String> runbook(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MARKDOWN).body(runbooks.runbook(id));
    }
}
