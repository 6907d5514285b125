package dev.tlsconsole.topology.bulk;

import org.springframework.web.bind.annotation.GetMapping;

import dev.tlsconsole.api.ApiController;

/**
 * {@code /api/v1/topology}: the whole topology as one document, out. The document comes in through
 * {@code POST /topology/import}, which the interchange serves (it plans and applies it like a Genesys archive).
 */
@ApiController("/topology")
class TopologyBulkApiController {

    private final TopologyExport export;

    TopologyBulkApiController(TopologyExport export) {
        this.export = export;
    }

    @GetMapping("/export")
    TopologyDocument export() {
        return export.export();
    }
}
