package dev.tlsconsole.topology.host;

import java.net.URI;
import java.util.Map;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.topology.host.HostCommands.HostChange;
import dev.tlsconsole.topology.host.HostCommands.HostView;
import dev.tlsconsole.topology.host.HostCommands.NewHost;
import dev.tlsconsole.SortableBy;

/** {@code /api/v1/hosts}: hosts and their annex {@code [security]} options. */
@ApiController("/hosts")
class HostApiController {

    private final HostService hosts;
    private final HostReads reads;

    HostApiController(HostService hosts, HostReads reads) {
        this.hosts = hosts;
        this.reads = reads;
    }

    /**
     * Body of {@code POST} and {@code PUT}. The read-only fields of a {@code GET} ({@code id},
     * {@code optionWarnings}) may be sent back unchanged and are ignored; {@code version} is required on PUT.
     */
    @JsonIgnoreProperties({"id", "optionWarnings"})
    record HostBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String ipAddress,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"WINDOWS", "UNIX"}) String osType, String securityPackVersion,
            Map<String, String> security, String osVersion, Long version) {
    }

    @GetMapping
    PageResponse<HostView> list(@RequestParam(required = false) String q,
            @SortableBy({"name", "ipAddress", "osType", "securityPackVersion", "id"}) @PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return PageResponse.of(reads.search(q, pageable));
    }

    @PostMapping
    ResponseEntity<HostView> create(@RequestBody HostBody body) {
        HostView created = hosts.create(new NewHost(body.name(), body.ipAddress(), body.osType(),
                body.securityPackVersion(), body.security(), body.osVersion()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{id}")
    HostView get(@PathVariable long id) {
        return reads.get(id);
    }

    @PutMapping("/{id}")
    HostView update(@PathVariable long id, @RequestBody HostBody body) {
        return hosts.update(id, new HostChange(body.name(), body.ipAddress(), body.osType(), body.securityPackVersion(),
                body.security(), body.osVersion(), body.version()));
    }

    /** {@code ?cascade=true} also deletes the host's applications and their connections. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean cascade) {
        hosts.delete(id, cascade);
        return ResponseEntity.noContent().build();
    }
}
