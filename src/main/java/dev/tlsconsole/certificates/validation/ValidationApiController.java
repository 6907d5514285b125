package dev.tlsconsole.certificates.validation;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import dev.tlsconsole.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.certificates.x509.PeerName;
import dev.tlsconsole.certificates.x509.PkiInputException;
import dev.tlsconsole.certificates.x509.ValidationRequest;
import dev.tlsconsole.certificates.x509.ValidationResult;

/** {@code POST /certificates/validate}: checks a chain as a TLS client would; changes nothing. */
@ApiController("/certificates")
class ValidationApiController {

    private final ChainCheck check;

    ValidationApiController(ChainCheck check) {
        this.check = check;
    }

    /**
     * The request of API.md; {@code purpose} (SERVER, default, or CLIENT) is an addition, as are (API.md, validation
     * request additions) {@code maxChainDepth}, {@code keyUsage}, {@code extendedKeyUsage} and {@code peerNames}.
     */
    record ValidateBody(List<String> chainPem, List<String> trustedPem, String hostname, Instant at, List<String> crlsPem,
            ValidationRequest.Purpose purpose, Integer maxChainDepth, List<String> keyUsage, List<String> extendedKeyUsage,
            List<PeerNameBody> peerNames) {
    }

    /** {@code {"type": "DNS"|"IP"|"EMAIL", "value"}}. */
    record PeerNameBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"DNS", "IP", "EMAIL"}) String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String value) {

        PeerName toPeerName(int index) {
            PeerName.Type parsed = type == null ? null : java.util.Arrays.stream(PeerName.Type.values())
                    .filter(t -> t.name().equalsIgnoreCase(type.trim())).findFirst().orElse(null);
            if (parsed == null) {
                throw InvalidInputException.of("peerNames[" + index + "].type", "must be DNS, IP or EMAIL");
            }
            try {
                return new PeerName(parsed, value);
            } catch (PkiInputException e) {
                throw InvalidInputException.of("peerNames[" + index + "]", e.getMessage().replaceFirst("^peerNames: ", ""));
            }
        }
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
        List<PeerName> peerNames = null;
        if (body.peerNames() != null) {
            if (body.peerNames().size() > ChainCheck.MAX_ENTRIES) {
                throw InvalidInputException.of("peerNames", "at most " + ChainCheck.MAX_ENTRIES + " entries");
            }
            peerNames = new java.util.ArrayList<>();
            for (int i = 0; i < body.peerNames().size(); i++) {
                if (body.peerNames().get(i) == null) {
                    throw InvalidInputException.of("peerNames[" + i + "]", "must be a {\"type\", \"value\"} object");
                }
                peerNames.add(body.peerNames().get(i).toPeerName(i));
            }
        }
        return ValidateResponse.of(check.validate(new ChainCheck.Check(body.chainPem(), body.trustedPem(), body.hostname(),
                body.at(), body.crlsPem(), body.purpose(), body.maxChainDepth(), body.keyUsage(), body.extendedKeyUsage(),
                peerNames)));
    }
}
