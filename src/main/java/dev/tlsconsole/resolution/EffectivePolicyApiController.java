package dev.tlsconsole.resolution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.SortableBy;
import dev.tlsconsole.policy.effective.EffectivePolicy;

/** {@code /api/v1}: the effective policy of one connection, and the filtered list of all of them. */
@ApiController
class EffectivePolicyApiController {

    private final EffectivePolicies policies;
    private final ObjectProvider<ObservedFindings> observed;

    EffectivePolicyApiController(EffectivePolicies policies, ObjectProvider<ObservedFindings> observed) {
        this.policies = policies;
        this.observed = observed;
    }

    @Operation(operationId = "getEffectivePolicy")
    @GetMapping("/connections/{id}/effective-policy")
    WithObserved get(@PathVariable long id) {
        EffectivePolicy policy = policies.get(id);
        Optional<ObservedFindings.Observation> observation = observed.getIfAvailable(() -> connection -> Optional.empty())
                .forPolicy(policy);
        List<ObservedFindings.Item> items = observation.map(ObservedFindings.Observation::findings).orElse(List.of());
        return new WithObserved(EffectivePolicyJson.of(policy),
                items.stream().map(i -> new ObservedJson(i.code().name(), i.code().severity().name(), i.message(),
                        observation.get().probeId(), observation.get().at())).toList(),
                ObservedFindings.capped(policy.grade(), items).label());
    }

    /**
     * The documented body plus what the latest probe of the server port observed (issue 17):
     * {@code observed} findings and {@code observedGrade}, the grade capped by them.
     */
    @Schema(name = "EffectivePolicy")
    record WithObserved(@JsonUnwrapped EffectivePolicyJson.Policy policy, List<ObservedJson> observed, String observedGrade) {
    }

    @Schema(name = "ObservedFinding")
    record ObservedJson(String code, String severity, String message, long probeId, Instant at) {
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
            @SortableBy({"connectionId", "client", "server", "portId", "mode", "protocol", "grade", "errors", "warnings"}) @PageableDefault(size = 50, sort = "connectionId") Pageable pageable,
            jakarta.servlet.http.HttpServletRequest request) {
        PolicyFilter filter = PolicyFilter.parse(PolicyFilter.untrimmed(request.getParameterValues("grade")), mode, severity,
                code, q, clientType, serverType);
        return PageResponse.of(policies.list(filter, pageable), EffectivePolicyJson::of);
    }
}
