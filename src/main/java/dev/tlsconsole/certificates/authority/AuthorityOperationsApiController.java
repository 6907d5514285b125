package dev.tlsconsole.certificates.authority;

import java.net.URI;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.ApiFile;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityCommands.BulkIssueRequest;
import dev.tlsconsole.certificates.authority.AuthorityCommands.BulkIssued;
import dev.tlsconsole.certificates.authority.AuthorityCommands.CsrRequest;
import dev.tlsconsole.certificates.authority.AuthorityCommands.IssueRequest;
import dev.tlsconsole.certificates.crl.CrlDownload;
import dev.tlsconsole.certificates.crl.CrlReads;
import dev.tlsconsole.certificates.crl.CrlView;
import dev.tlsconsole.certificates.inventory.CertificateView;
import dev.tlsconsole.SortableBy;

/** What a console CA does over the API: issue, sign CSRs, publish and serve its CRL. */
@ApiController("/authorities/{id}")
class AuthorityOperationsApiController {

    private final IssuanceService issuance;
    private final AuthorityService authorities;
    private final AuthorityReads reads;
    private final CrlReads crls;

    AuthorityOperationsApiController(IssuanceService issuance, AuthorityService authorities, AuthorityReads reads, CrlReads crls) {
        this.issuance = issuance;
        this.authorities = authorities;
        this.reads = reads;
        this.crls = crls;
    }

    @Operation(operationId = "issueCertificate")
    @PostMapping("/issue")
    ResponseEntity<CertificateView> issue(@PathVariable long id, @RequestBody IssueRequest body) {
        return created(issuance.issue(id, body));
    }

    /** One certificate per host, all or nothing (an unknown host is a 400 naming it); one audit entry per certificate. */
    @Operation(operationId = "issueCertificatesInBulk")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "Created: every certificate issued (no Location: there is no one object to point at)",
            useReturnTypeSchema = true)
    @PostMapping("/issue-bulk")
    ResponseEntity<BulkIssued> issueBulk(@PathVariable long id, @RequestBody BulkIssueRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new BulkIssued(issuance.issueBulk(id, body)));
    }

    @Operation(operationId = "signCertificateRequest")
    @PostMapping("/sign-csr")
    ResponseEntity<CertificateView> signCsr(@PathVariable long id, @RequestBody CsrRequest body) {
        return created(issuance.signCsr(id, body));
    }

    /** The latest CRL: DER ({@code application/pkix-crl}) or {@code ?format=pem}. */
    @Operation(operationId = "getAuthorityCrl")
    @ApiFile({"application/pkix-crl", "application/x-pem-file"})
    @GetMapping("/crl")
    ResponseEntity<byte[]> crl(@PathVariable long id, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"der", "pem"})) @RequestParam(required = false) String format) {
        return CrlDownload.of(reads.latestCrl(id), format, "authority-" + id);
    }

    /** Publishes a new CRL now. */
    @Operation(operationId = "publishAuthorityCrl")
    @PostMapping("/crl")
    AuthorityView publish(@PathVariable long id) {
        return authorities.publishCrl(id);
    }

    /** Every CRL the CA published, newest first. */
    @Operation(operationId = "listAuthorityCrls")
    @GetMapping("/crls")
    PageResponse<CrlView> history(@PathVariable long id,
            @SortableBy({"issuer", "thisUpdate", "nextUpdate", "createdAt"}) @PageableDefault(size = 50, sort = "thisUpdate", direction = Sort.Direction.DESC) Pageable pageable) {
        reads.get(id);
        return PageResponse.of(crls.ofAuthority(id, pageable));
    }

    private static ResponseEntity<CertificateView> created(CertificateView view) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/certificates/{id}")
                .buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }
}
