package dev.tlsconsole.probe;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.api.Problems;

/** {@code /api/v1/probes} (API.md § Probes). */
@ApiController
class ProbeApiController {

    private final ProbeService probes;

    ProbeApiController(ProbeService probes) {
        this.probes = probes;
    }

    /**
     * A port named as everywhere else ({@code application} + {@code portId}), or, for scripts that know
     * only where something listens, {@code address} + {@code port} of a host in the topology.
     */
    record NewProbe(String application, String portId, String address, Integer port) {
    }

    @Operation(operationId = "createProbe")
    @PostMapping("/probes")
    ResponseEntity<ProbeView> probe(@RequestBody NewProbe request) {
        ProbeView view;
        if (request.address() != null && !request.address().isBlank()) {
            if (request.port() == null || request.port() < 1 || request.port() > 65535) {
                throw InvalidInputException.of("port", "give the port number (1-65535) with the address");
            }
            view = probes.probe(request.address().strip(), request.port());
        } else {
            if (request.application() == null || request.application().isBlank()) {
                throw InvalidInputException.of("application", "name the application whose port to probe");
            }
            view = probes.probe(request.application(), request.portId() == null || request.portId().isBlank() ? "default" : request.portId());
        }
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/probes/{id}").buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    @Operation(operationId = "listProbes")
    @GetMapping("/probes")
    PageResponse<ProbeView> list(@RequestParam(required = false) String application, @RequestParam(required = false) String portId,
            @PageableDefault(size = 50) Pageable pageable) {
        return PageResponse.of(probes.list(application, portId, pageable));
    }

    @Operation(operationId = "getProbe")
    @GetMapping("/probes/{id}")
    ProbeView get(@PathVariable long id) {
        return probes.get(id);
    }

    @ExceptionHandler(ProbesBusyException.class)
    ResponseEntity<ProblemDetail> busy(ProbesBusyException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }
}
