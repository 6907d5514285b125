package dev.tlsconsole.resolution;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.policy.option.SecurityOption;

/**
 * The Help page (issue 12 acceptance 2): the findings catalogue of DESIGN.md §4 as the console shows it, one
 * entry per {@link FindingCode} (title, explanation, severity, how sure, reference and fix come from
 * {@code i18n/policy.properties}, {@code policy.finding.<CODE>…}), and every option's help text.
 */
@Controller
class FindingsHelpController {

    /** One code of the catalogue; the texts are looked up by the template from its message keys. */
    record Entry(String code, Severity severity, boolean observed) {
    }

    /** One option with its valid values, levels and help sentence. */
    record OptionHelp(String key, String help, String validValues, String defaultValue, String levels) {
    }

    @GetMapping("/help")
    String help(Model model) {
        List<Entry> findings = Arrays.stream(FindingCode.values())
                .map(code -> new Entry(code.name(), code.severity(), code.observed())).toList();
        List<OptionHelp> options = Arrays.stream(SecurityOption.values())
                .map(option -> new OptionHelp(option.key(), option.help(), String.join(", ", option.validValues()),
                        option.defaultValue(), option.levels().stream().map(Enum::name).sorted().toList().toString()))
                .toList();
        model.addAttribute("findings", findings);
        model.addAttribute("options", options);
        return "help/findings";
    }
}
