package dev.tlsconsole.certificates.validation;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.certificates.x509.ValidationRequest;
import dev.tlsconsole.certificates.x509.ValidationResult;

/** {@code POST /certificates/validate}: checks a chain as a TLS client would; changes nothing. */
@ApiController("/certificates")
class ValidationApiController {

    private final ChainCheck check;

    ValidationApiController(ChainCheck check) {
        this.check = check;
    }

    /** The request of API.md; {@code purpose} (SERVER, default, or CLIENT) is an addition. */
    record ValidateBody(List<String> chainPem, List<String> trustedPem, String hostname, Instant at, List<String> crlsPem,
            ValidationRequest.Purpose purpose) {
    }

    /** {@code {valid, problems: [{code, message}], path}}. */
    record ValidateResponse(boolean valid, List<Problem> problems, List<String> path) {

        record Problem(String code, String message) {
        }

        static ValidateResponse of(ValidationResult result) {
            return new ValidateResponse(result.valid(),
                    result.problems().stream().map(p -> new Problem(p.code().name(), p.message())).toList(), result.path());
        }
    }

    @Operation(operationId = "validateChain")
    @PostMapping("/validate")
    ValidateResponse validate(@RequestBody ValidateBody body) {
        return ValidateResponse.of(check.validate(new ChainCheck.Check(body.chainPem(), body.trustedPem(), body.hostname(),
                body.at(), body.crlsPem(), body.purpose())));
    }
}
