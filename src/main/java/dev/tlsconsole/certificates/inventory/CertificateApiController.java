package dev.tlsconsole.certificates.inventory;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.ApiFile;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.certificates.Uploads;
import dev.tlsconsole.SortableBy;

/** The certificate inventory over the API: list, read, import, rename, delete, and key export (ADMIN). */
@ApiController("/certificates")
class CertificateApiController {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final CertificateInventory inventory;
    private final CertificateService certificates;
    private final CertificateImport importer;
    private final KeyExport keyExport;

    CertificateApiController(CertificateInventory inventory, CertificateService certificates, CertificateImport importer,
            KeyExport keyExport) {
        this.inventory = inventory;
        this.certificates = certificates;
        this.importer = importer;
        this.keyExport = keyExport;
    }

    /** Body of the JSON import. */
    record ImportBody(String name, String pem, String privateKeyPem, String keyPassword) {
        @Override
        public String toString() {
            return "ImportBody[name=" + name + ", privateKeyPem redacted, keyPassword redacted]";
        }
    }

    /** Body of {@code PUT /certificates/{id}}: the name and the version read; the read-only fields of a GET may be sent back. */
    @JsonIgnoreProperties(value = {"id", "subject", "sans", "issuer", "serialNumber", "notBefore", "notAfter", "keyAlgorithm",
            "keySize", "signatureAlgorithm", "sha1Thumbprint", "sha256Fingerprint", "hasPrivateKey", "ca", "status",
            "expiryBand", "daysLeft", "keyUsage", "extendedKeyUsage", "selfSigned", "origin", "issuingAuthorityId", "revokedAt",
            "revocationReason", "createdAt"})
    record RenameBody(String name, Long version) {
    }

    /** Body of {@code POST /certificates/{id}/export-key}. */
    record ExportBody(KeyExport.Format format, String password, Boolean legacy) {
        @Override
        public String toString() {
            return "ExportBody[" + format + ", password redacted]";
        }
    }

    @GetMapping
    PageResponse<CertificateView> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) CertificateStatus status, @RequestParam(required = false) ExpiryBand band,
            @RequestParam(required = false) Integer expiringWithinDays, @RequestParam(required = false) Boolean ca,
            @RequestParam(required = false) Long authorityId, @SortableBy({"name", "subject", "issuer", "notAfter", "notBefore", "createdAt", "serialNumber", "keyAlgorithm"}) @PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return PageResponse.of(inventory.search(new CertificateFilter(q, status, band, expiringWithinDays, ca, authorityId),
                pageable));
    }

    @GetMapping("/{id}")
    CertificateView get(@PathVariable long id) {
        return inventory.get(id);
    }

    /** The certificate as PEM; {@code ?chain=true} appends the stored chain. */
    @Operation(operationId = "getCertificatePem")
    @ApiFile({"application/x-pem-file"})
    @GetMapping("/{id}/pem")
    ResponseEntity<String> pem(@PathVariable long id, @RequestParam(defaultValue = "false") boolean chain) {
        CertificateInventory.Pem pem = inventory.pem(id, chain);
        return ResponseEntity.ok().contentType(PEM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(KeyExport.fileName(pem.name()) + (chain ? "-chain" : "") + ".pem", StandardCharsets.UTF_8)
                        .build().toString())
                .body(pem.text());
    }

    @Operation(operationId = "importCertificate")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CertificateView> importJson(@RequestBody ImportBody body) {
        return created(importer.importCertificate(
                new CertificateUpload(body.name(), null, body.pem(), body.privateKeyPem(), body.keyPassword())));
    }

    @Operation(operationId = "importCertificate")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CertificateView> importFile(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String password, @RequestParam(required = false) String name,
            jakarta.servlet.http.HttpServletRequest request) {
        if (request.getQueryString() != null && request.getQueryString().matches("(^|.*&)password=.*")) {
            // a secret in the URL ends up in logs and histories: the password is a part of the multipart body
            throw InvalidInputException.of("password", "send it as a part of the multipart body, never in the URL");
        }
        return created(importer.importCertificate(new CertificateUpload(name, Uploads.bytes(file), null, null, password)));
    }

    @PutMapping("/{id}")
    CertificateView rename(@PathVariable long id, @RequestBody RenameBody body) {
        return certificates.rename(id, body.name(), body.version());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        certificates.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The private key (ADMIN): PEM (encrypted when a password is given) or PKCS#12 with the chain. */
    @Operation(operationId = "exportPrivateKey")
    @ApiFile({"application/x-pem-file", "application/x-pkcs12"})
    @PostMapping("/{id}/export-key")
    ResponseEntity<byte[]> exportKey(@PathVariable long id, @RequestBody ExportBody body) {
        KeyExport.ExportedFile file = keyExport.export(id, new KeyExport.Request(body.format(), body.password(),
                Boolean.TRUE.equals(body.legacy())));
        return download(file);
    }

    static ResponseEntity<byte[]> download(KeyExport.ExportedFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    private static ResponseEntity<CertificateView> created(CertificateView view) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/certificates/{id}")
                .buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }
}
