package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.swagger.v3.oas.annotations.Operation;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.policy.snapshot.ObjectType;

/** {@code POST /api/v1/preview}: what staged option changes would do, without saving anything. */
@ApiController
class PreviewApiController {

    private final EffectivePolicies policies;

    PreviewApiController(EffectivePolicies policies) {
        this.policies = policies;
    }

    /** The body of API.md: targets by name (ports by application name and port id), connections by id. */
    record PreviewBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ChangeBody> changes) {
    }

    record ChangeBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Target target, Map<String, String> set, List<String> unset) {
    }

    record Target(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"HOST", "APPLICATION", "PORT", "CONNECTION"}) String type, String name, String portId, Long connectionId) {
    }

    @Operation(operationId = "previewChanges")
    @PostMapping("/preview")
    EffectivePolicyJson.Preview preview(@RequestBody PreviewBody body) {
        if (body.changes() == null) {
            throw InvalidInputException.of("changes", "list at least one change");
        }
        List<PolicyChange> changes = new ArrayList<>();
        for (int i = 0; i < body.changes().size(); i++) {
            ChangeBody change = body.changes().get(i);
            if (change == null || change.target() == null) {
                throw InvalidInputException.of("changes[" + i + "].target", "is required: {\"type\": …, \"name\": …}");
            }
            Target target = change.target();
            changes.add(new PolicyChange(type(target.type(), i), target.name(), target.portId(), target.connectionId(),
                    change.set(), change.unset()));
        }
        return EffectivePolicyJson.of(policies.preview(changes));
    }

    private static ObjectType type(String type, int index) {
        if (type == null) {
            return null;
        }
        try {
            return ObjectType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("changes[" + index + "].target.type",
                    "'" + type + "' is not a target type: use HOST, APPLICATION, PORT or CONNECTION");
        }
    }
}
