package dev.tlsconsole.topology.application;

import java.net.URI;
import java.util.List;
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
import dev.tlsconsole.topology.SortAliases;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationChange;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;
import dev.tlsconsole.SortableBy;

/** {@code /api/v1/applications}: applications with their ports and options {@code [security]}. */
@ApiController("/applications")
class ApplicationApiController {

    static final Map<String, String> SORT_ALIASES = Map.of("host", "host.name", "backup", "backup.name");

    private final ApplicationService applications;
    private final ApplicationReads reads;

    ApplicationApiController(ApplicationService applications, ApplicationReads reads) {
        this.applications = applications;
        this.reads = reads;
    }

    /**
     * Body of {@code POST} and {@code PUT}: {@code host} and {@code backup} by name. The read-only fields
     * of a {@code GET} may be sent back unchanged and are ignored; {@code version} is required on PUT.
     */
    @JsonIgnoreProperties({"id", "hostId", "backupId", "optionWarnings"})
    record ApplicationBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String componentType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String componentVersion,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String host, String backup,
            Map<String, String> security, Map<String, String> annex, List<PortSpec> ports, Long version) {
    }

    @GetMapping
    PageResponse<ApplicationView> list(@RequestParam(required = false) String q,
            @SortableBy({"name", "componentType", "componentVersion", "host", "host.name", "backup", "backup.name", "id"}) @PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return PageResponse.of(reads.search(q, SortAliases.apply(pageable, SORT_ALIASES)));
    }

    @PostMapping
    ResponseEntity<ApplicationView> create(@RequestBody ApplicationBody body) {
        ApplicationView created = applications.create(new NewApplication(body.name(), body.componentType(),
                body.componentVersion(), body.host(), body.backup(), body.security(), body.annex(), body.ports()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{id}")
    ApplicationView get(@PathVariable long id) {
        return reads.get(id);
    }

    @PutMapping("/{id}")
    ApplicationView update(@PathVariable long id, @RequestBody ApplicationBody body) {
        return applications.update(id, new ApplicationChange(body.name(), body.componentType(), body.componentVersion(),
                body.host(), body.backup(), body.security(), body.annex(), body.ports(), body.version()));
    }

    /** {@code ?cascade=true} also deletes its connections and clears the backup references to it. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean cascade) {
        applications.delete(id, cascade);
        return ResponseEntity.noContent().build();
    }
}
