package dev.tlsconsole.certificates.crl;

import java.net.URI;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.ApiFile;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.certificates.Uploads;
import dev.tlsconsole.SortableBy;

/** External CRLs over the API: import (OPERATOR), list, read, download. */
@ApiController("/crls")
class CrlApiController {

    private final CrlImport importer;
    private final CrlReads reads;

    CrlApiController(CrlImport importer, CrlReads reads) {
        this.importer = importer;
        this.reads = reads;
    }

    /** Body of the JSON import. */
    record CrlBody(String crlPem) {
    }

    @Operation(operationId = "importCrl")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CrlView> importJson(@RequestBody CrlBody body) {
        return created(importer.importPem(body.crlPem()));
    }

    @Operation(operationId = "importCrl")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CrlView> importFile(@RequestParam(required = false) MultipartFile file) {
        return created(importer.importCrl(Uploads.bytes(file), "file"));
    }

    @GetMapping
    PageResponse<CrlView> list(@RequestParam(required = false) String issuer,
            @SortableBy({"issuer", "thisUpdate", "nextUpdate", "createdAt"}) @PageableDefault(size = 50, sort = "thisUpdate", direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(reads.search(issuer, pageable));
    }

    @GetMapping("/{id}")
    CrlView get(@PathVariable long id) {
        return reads.get(id);
    }

    /** The CRL as signed: DER ({@code application/pkix-crl}) or {@code ?format=pem}. */
    @Operation(operationId = "downloadCrl")
    @ApiFile({"application/pkix-crl", "application/x-pem-file"})
    @GetMapping("/{id}/crl")
    ResponseEntity<byte[]> download(@PathVariable long id, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"der", "pem"})) @RequestParam(required = false) String format) {
        return CrlDownload.of(reads.der(id), format, "crl-" + id);
    }

    private static ResponseEntity<CrlView> created(CrlView view) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/crls/{id}").buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }
}
