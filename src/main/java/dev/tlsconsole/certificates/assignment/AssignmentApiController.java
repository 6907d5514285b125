package dev.tlsconsole.certificates.assignment;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.ApiFile;
import dev.tlsconsole.certificates.inventory.KeyExport;

/**
 * Assignment over the API: preview and assign a certificate to a host, application, port or
 * connection; where a certificate is used; the files to deploy it.
 */
@ApiController("/certificates/{id}")
class AssignmentApiController {

    private final AssignmentService assignments;
    private final CertificateUsages usages;
    private final DeploymentBundles bundles;

    AssignmentApiController(AssignmentService assignments, CertificateUsages usages, DeploymentBundles bundles) {
        this.assignments = assignments;
        this.usages = usages;
        this.bundles = bundles;
    }

    /** Body of assign and its preview: the target as API.md names preview targets; {@code crl} also sets tls-crl (UNIX). */
    record AssignBody(AssignmentTarget target, Boolean crl) {
    }

    /** Body of the bundle with the key (ADMIN). */
    record BundleBody(DeploymentBundles.Format format, String password, Boolean legacy) {
        @Override
        public String toString() {
            return "BundleBody[" + format + ", password redacted]";
        }
    }

    @Operation(operationId = "assignCertificate")
    @PostMapping("/assign")
    AssignmentView assign(@PathVariable long id, @RequestBody AssignBody body) {
        return AssignmentView.of(assignments.assign(id, body.target(), Boolean.TRUE.equals(body.crl())));
    }

    /** What {@code assign} would write and change; nothing is saved. */
    @Operation(operationId = "previewCertificateAssignment")
    @PostMapping("/assign/preview")
    AssignmentView preview(@PathVariable long id, @RequestBody AssignBody body) {
        return AssignmentView.of(assignments.preview(id, body.target(), Boolean.TRUE.equals(body.crl())));
    }

    @Operation(operationId = "getCertificateUsages")
    @GetMapping("/usages")
    CertificateUsages.Usages usages(@PathVariable long id) {
        return usages.of(id);
    }

    /** The deployment files without the key (ZIP). */
    @Operation(operationId = "getCertificateBundle")
    @ApiFile({"application/zip"})
    @GetMapping("/bundle")
    ResponseEntity<byte[]> bundle(@PathVariable long id) {
        return download(bundles.withoutKey(id));
    }

    /** The deployment files with the key (ADMIN, audited): ZIP or PKCS#12. */
    @Operation(operationId = "exportCertificateBundle")
    @ApiFile({"application/zip", "application/x-pkcs12"})
    @PostMapping("/bundle")
    ResponseEntity<byte[]> bundleWithKey(@PathVariable long id, @RequestBody BundleBody body) {
        return download(bundles.withKey(id, body.format(), body.password(), Boolean.TRUE.equals(body.legacy())));
    }

    private static ResponseEntity<byte[]> download(KeyExport.ExportedFile file) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }
}
