package dev.tlsconsole.catalog.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.ApiFile;
import dev.tlsconsole.catalog.LinkView;
import dev.tlsconsole.catalog.SupportedLink;

/**
 * The supported-component matrix over the API (API.md "Catalog"): read-only, for every signed-in role. Unknown
 * component names and malformed versions are 400 problems naming the parameter.
 */
@ApiController("/catalog")
class CatalogApiController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CatalogService catalog;

    CatalogApiController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Operation(operationId = "listCatalogComponents")
    @GetMapping("/components")
    List<ComponentSummary> components() {
        return catalog.catalog().components().stream().map(c -> ComponentSummary.of(c, catalog.catalog())).toList();
    }

    /** One component by name or alias; 404 when the catalog has none of that name. */
    @Operation(operationId = "getCatalogComponent")
    @GetMapping("/components/{name}")
    ComponentSummary component(@PathVariable String name) {
        return catalog.find(name).map(c -> ComponentSummary.of(c, catalog.catalog()))
                .orElseThrow(() -> NotFoundException.of("Component", name));
    }

    @Operation(operationId = "listCatalogLinks")
    @GetMapping("/links")
    List<LinkView> links(@RequestParam(required = false) @Nullable String from,
                         @RequestParam(required = false) @Nullable String to) {
        return catalog.links(from, to).stream().map(LinkView::of).toList();
    }

    /** The same selection as {@code /links}, as a CSV download for a spreadsheet. */
    @Operation(operationId = "exportCatalogLinksCsv")
    @ApiFile({"text/csv"})
    @GetMapping("/links.csv")
    ResponseEntity<String> linksCsv(@RequestParam(required = false) @Nullable String from,
                                    @RequestParam(required = false) @Nullable String to) {
        return csv(catalog, catalog.links(from, to));
    }

    @Operation(operationId = "checkCatalogLink")
    @GetMapping("/links/check")
    CheckVerdict check(@RequestParam(required = false) @Nullable String from,
                       @RequestParam(required = false) @Nullable String fromVersion,
                       @RequestParam(required = false) @Nullable String to,
                       @RequestParam(required = false) @Nullable String toVersion,
                       @RequestParam(required = false) @Nullable String port) {
        return CheckVerdict.of(catalog.check(new LinkQuery(from, fromVersion, to, toVersion, port)));
    }

    /** A CSV attachment; shared with the matrix screen's export button. */
    static ResponseEntity<String> csv(CatalogService catalog, List<SupportedLink> links) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("catalog-links.csv").build().toString())
                .body(catalog.csv(links));
    }
}
