package dev.tlsconsole.topology.bulk;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.topology.bulk.TopologyImport.ImportResult;

/** {@code /api/v1/topology}: the whole topology as one document, out and in. */
@ApiController("/topology")
class TopologyBulkApiController {

    private final TopologyExport export;
    private final TopologyImport importer;

    TopologyBulkApiController(TopologyExport export, TopologyImport importer) {
        this.export = export;
        this.importer = importer;
    }

    @GetMapping("/export")
    TopologyDocument export() {
        return export.export();
    }

    /** All or nothing: a 400 lists every problem of the document; otherwise how many objects were created. */
    @Operation(operationId = "importTopology")
    @PostMapping("/import")
    ImportResponse importDocument(@RequestBody TopologyDocument document) {
        return new ImportResponse(importer.importDocument(document));
    }

    /** {@code {"created": {"hosts": 10, "applications": 25, "connections": 40}}}. */
    record ImportResponse(ImportResult created) {
    }
}
