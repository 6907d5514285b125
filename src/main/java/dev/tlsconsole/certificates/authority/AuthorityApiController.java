package dev.tlsconsole.certificates.authority;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityChange;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityCommands.NewAuthority;

/** The console CAs over the API: list, read, create (root or intermediate), change their CRL settings. */
@ApiController("/authorities")
class AuthorityApiController {

    private final AuthorityService authorities;
    private final AuthorityReads reads;

    AuthorityApiController(AuthorityService authorities, AuthorityReads reads) {
        this.authorities = authorities;
        this.reads = reads;
    }

    /** Body of {@code PUT /authorities/{id}}; the read-only fields of a GET may be sent back unchanged. */
    @JsonIgnoreProperties(value = {"id", "subject", "keyAlgorithm", "notBefore", "notAfter", "status", "parentId", "parent",
            "certificateId", "sha1Thumbprint", "sha256Fingerprint", "lastCrlNumber", "lastCrl", "issued", "createdAt"})
    record ChangeBody(String name, String crlDistributionUrl, Integer crlValidityHours, Long version) {
    }

    /** Every console CA (one page: a platform has a handful). */
    @GetMapping
    PageResponse<AuthorityView> list() {
        List<AuthorityView> all = reads.list();
        return new PageResponse<>(all, 0, all.size(), all.size());
    }

    @GetMapping("/{id}")
    AuthorityView get(@PathVariable long id) {
        return reads.get(id);
    }

    @PostMapping
    ResponseEntity<AuthorityView> create(@RequestBody NewAuthority body) {
        AuthorityView created = authorities.create(body);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @PutMapping("/{id}")
    AuthorityView update(@PathVariable long id, @RequestBody ChangeBody body) {
        return authorities.update(id, new AuthorityChange(body.name(), body.crlDistributionUrl(), body.crlValidityHours(),
                body.version()));
    }
}
