package dev.tlsconsole.certificates.validation;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.certificates.x509.ChainValidator;
import dev.tlsconsole.certificates.x509.PeerName;
import dev.tlsconsole.certificates.x509.PkiInputException;
import dev.tlsconsole.certificates.x509.SelfSignedCertificateGenerator;
import dev.tlsconsole.certificates.x509.ValidationRequest;
import dev.tlsconsole.certificates.x509.ValidationResult;

/**
 * The stand-alone chain check ({@code POST /certificates/validate} and its page): a chain judged as a
 * TLS peer would, against the trusted roots and CRLs given, at the time given. Changes nothing, so any
 * signed-in user (AUDITOR included) may run it; nothing is stored or audited.
 */
@Service
public class ChainCheck {

    /** More PEM blocks than anyone needs for one chain; a bound on the work one request can cause. */
    static final int MAX_ENTRIES = 20;
    private static final Pattern FIELD = Pattern.compile("^((?:chainPem|trustedPem|crlsPem|peerNames|keyUsage|extendedKeyUsage|maxChainDepth)(?:\\[\\d+])?): (.*)$", Pattern.DOTALL);

    private static final Logger log = LoggerFactory.getLogger(ChainCheck.class);

    private final ChainValidator validator;

    ChainCheck(ChainValidator validator) {
        this.validator = validator;
    }

    /**
     * What to check; {@code purpose} null = a server certificate checked by a client. {@code maxChainDepth},
     * {@code keyUsage}, {@code extendedKeyUsage} and {@code peerNames} are optional (API.md, validation request additions).
     */
    public record Check(List<String> chainPem, List<String> trustedPem, String hostname, Instant at, List<String> crlsPem,
            ValidationRequest.Purpose purpose, Integer maxChainDepth, List<String> keyUsage, List<String> extendedKeyUsage,
            List<PeerName> peerNames) {

        public Check(List<String> chainPem, List<String> trustedPem, String hostname, Instant at, List<String> crlsPem,
                ValidationRequest.Purpose purpose) {
            this(chainPem, trustedPem, hostname, at, crlsPem, purpose, null, null, null, null);
        }
    }

    /**
     * @throws InvalidInputException input that is not PEM certificates/CRLs, or too many entries
     */
    @PreAuthorize("isAuthenticated()")
    public ValidationResult validate(Check check) {
        requireBounded("chainPem", check.chainPem());
        requireBounded("trustedPem", check.trustedPem());
        requireBounded("crlsPem", check.crlsPem());
        requireBounded("keyUsage", check.keyUsage());
        requireBounded("extendedKeyUsage", check.extendedKeyUsage());
        if (check.peerNames() != null && check.peerNames().size() > MAX_ENTRIES) {
            throw InvalidInputException.of("peerNames", "at most " + MAX_ENTRIES + " entries");
        }
        if (check.peerNames() != null && check.peerNames().contains(null)) {
            throw InvalidInputException.of("peerNames", "entries must be {\"type\", \"value\"} objects, not null");
        }
        try {
            return validator.validate(new ValidationRequest(check.chainPem(), check.trustedPem(), check.hostname(), check.at(),
                    check.crlsPem(), check.purpose(), check.maxChainDepth(), check.keyUsage(), check.extendedKeyUsage(),
                    check.peerNames()));
        } catch (PkiInputException e) {
            Matcher matcher = FIELD.matcher(e.getMessage());
            throw matcher.matches() ? InvalidInputException.of(matcher.group(1), matcher.group(2))
                    : InvalidInputException.of("chainPem", e.getMessage());
        }
    }

    /**
     * Loads and compiles the path validator (JDK PKIX, Bouncy Castle) once the console is up, on a daemon thread, so the
     * first user's validation is not the one that pays seconds of class loading on a small machine.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread warmUp = new Thread(() -> {
            String pem = SelfSignedCertificateGenerator.generate(java.time.Instant.now()).certificatePem();
            ValidationResult result = validator.validate(ValidationRequest.server(List.of(pem), List.of(pem), null, null, null));
            log.debug("chain validator warmed up ({} problem(s) on a throw-away certificate)", result.problems().size());
        }, "chain-validator-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static void requireBounded(String field, List<String> entries) {
        if (entries != null && entries.size() > MAX_ENTRIES) {
            throw InvalidInputException.of(field, "at most " + MAX_ENTRIES + " entries");
        }
        if (entries != null && entries.stream().anyMatch(entry -> entry == null)) {
            throw InvalidInputException.of(field, "entries must be PEM text, not null");
        }
    }
}
