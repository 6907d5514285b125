package dev.tlsconsole.certificates.validation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.certificates.x509.ValidationRequest;
import dev.tlsconsole.web.FormErrors;
import dev.tlsconsole.web.FormSubmission;

/** The "check a chain" page: paste a chain, the trusted roots and CRLs, see what a TLS peer would say. */
@Controller
@RequestMapping("/certificates/validate")
class ValidationController {

    static final String VIEW = "certificates/validate";
    private static final Pattern CRL_BLOCK = Pattern.compile("-----BEGIN X509 CRL-----.*?-----END X509 CRL-----", Pattern.DOTALL);

    private final ChainCheck check;

    ValidationController(ChainCheck check) {
        this.check = check;
    }

    @ModelAttribute("purposes")
    ValidationRequest.Purpose[] purposes() {
        return ValidationRequest.Purpose.values();
    }

    @GetMapping
    String form(@ModelAttribute("form") ValidationForm form) {
        return VIEW;
    }

    @PostMapping
    String validate(@ModelAttribute("form") ValidationForm form, BindingResult binding, Model model) {
        return FormSubmission.of(binding).onInvalid(e -> FormErrors.apply(renamed(e), binding)).submit(() -> {
            Instant at = at(form.getAt());
            List<String> chain = blank(form.getChain()) ? List.of() : List.of(form.getChain());
            List<String> trusted = blank(form.getTrusted()) ? List.of() : List.of(form.getTrusted());
            model.addAttribute("result", check.validate(new ChainCheck.Check(chain, trusted, form.getHostname(), at,
                    crls(form.getCrls()), form.getPurpose())));
            return VIEW;
        }, () -> VIEW);
    }

    /** The API's field names are lists; the form has one text box each. */
    private static InvalidInputException renamed(InvalidInputException e) {
        return new InvalidInputException(e.problems().stream().map(p -> new InvalidInputException.FieldProblem(
                p.field().replaceAll("\\[\\d+]$", "").replace("chainPem", "chain").replace("trustedPem", "trusted")
                        .replace("crlsPem", "crls"), p.message())).toList());
    }

    private static Instant at(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("at", "'" + text + "' is not a date and time such as 2026-01-01T00:00");
        }
    }

    /** Each CRL of the text box as its own entry; text that holds no CRL block is passed on to be refused. */
    private static List<String> crls(String text) {
        if (blank(text)) {
            return List.of();
        }
        List<String> crls = new ArrayList<>();
        Matcher matcher = CRL_BLOCK.matcher(text);
        while (matcher.find()) {
            crls.add(matcher.group());
        }
        return crls.isEmpty() ? List.of(text) : crls;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The page's form. */
    static class ValidationForm {
        private String chain;
        private String trusted;
        private String crls;
        private String hostname;
        private String at;
        private ValidationRequest.Purpose purpose = ValidationRequest.Purpose.SERVER;

        public String getChain() {
            return chain;
        }

        public void setChain(String chain) {
            this.chain = chain;
        }

        public String getTrusted() {
            return trusted;
        }

        public void setTrusted(String trusted) {
            this.trusted = trusted;
        }

        public String getCrls() {
            return crls;
        }

        public void setCrls(String crls) {
            this.crls = crls;
        }

        public String getHostname() {
            return hostname;
        }

        public void setHostname(String hostname) {
            this.hostname = hostname;
        }

        public String getAt() {
            return at;
        }

        public void setAt(String at) {
            this.at = at;
        }

        public ValidationRequest.Purpose getPurpose() {
            return purpose;
        }

        public void setPurpose(ValidationRequest.Purpose purpose) {
            this.purpose = purpose;
        }
    }
}
