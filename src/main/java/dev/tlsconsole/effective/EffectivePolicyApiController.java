package dev.tlsconsole.effective;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;

/** {@code /api/v1}: the effective policy of one connection, and the filtered list of all of them. */
@ApiController
class EffectivePolicyApiController {

    private final EffectivePolicies policies;

    EffectivePolicyApiController(EffectivePolicies policies) {
        this.policies = policies;
    }

    @Operation(operationId = "getEffectivePolicy")
    @GetMapping("/connections/{id}/effective-policy")
    EffectivePolicyJson.Policy get(@PathVariable long id) {
        return EffectivePolicyJson.of(policies.get(id));
    }

    /**
     * {@code grade} ({@code A+ A B C F -}), {@code mode}, {@code severity} (has a finding of it) and
     * {@code code} (has that finding) may be repeated; {@code q} searches the names of both ends;
     * {@code clientType} and {@code serverType} keep the connections between two component types.
     */
    @Operation(operationId = "listEffectivePolicies")
    @GetMapping("/effective-policies")
    PageResponse<EffectivePolicyJson.Summary> list(@RequestParam(required = false) List<String> grade,
            @RequestParam(required = false) List<String> mode, @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) List<String> code, @RequestParam(required = false) String q,
            @RequestParam(required = false) String clientType, @RequestParam(required = false) String serverType,
            @PageableDefault(size = 50, sort = "connectionId") Pageable pageable) {
        PolicyFilter filter = PolicyFilter.parse(grade, mode, severity, code, q, clientType, serverType);
        return PageResponse.of(policies.list(filter, pageable), EffectivePolicyJson::of);
    }
}
