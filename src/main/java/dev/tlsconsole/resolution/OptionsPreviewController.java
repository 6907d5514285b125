package dev.tlsconsole.resolution;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.topology.web.OptionsEditing;
import dev.tlsconsole.topology.web.OptionsForm;

/**
 * The "Preview" button of the options editor, at all four levels: reads the same form fields as Save
 * (the rows), and answers the impact panel — what would change if these options were saved — without
 * saving anything. Each URL is the editor's own action plus {@code /preview}, which any signed-in role
 * may call.
 */
@Controller
class OptionsPreviewController {

    private static final String IMPACT = "resolution/fragments :: impact";

    private final EffectivePolicies policies;

    OptionsPreviewController(EffectivePolicies policies) {
        this.policies = policies;
    }

    @PostMapping("/hosts/{id}/options/preview")
    String host(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding, Model model) {
        return impact(ObjectType.HOST, id, form, binding, model);
    }

    @PostMapping("/applications/{id}/options/preview")
    String application(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model) {
        return impact(ObjectType.APPLICATION, id, form, binding, model);
    }

    @PostMapping("/applications/{id}/annex/preview")
    String applicationAnnex(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model) {
        return impact(ObjectType.APPLICATION_ANNEX, id, form, binding, model);
    }

    @PostMapping("/applications/{id}/ports/{portId}/options/preview")
    String port(@PathVariable long id, @PathVariable String portId, @ModelAttribute("optionsForm") OptionsForm form,
            BindingResult binding, Model model) {
        long port = policies.portRowId(id, portId).orElseThrow(() -> NotFoundException.of("Port", portId));
        return impact(ObjectType.PORT, port, form, binding, model);
    }

    @PostMapping("/connections/{id}/options/preview")
    String connection(@PathVariable long id, @ModelAttribute("optionsForm") OptionsForm form, BindingResult binding,
            Model model) {
        return impact(ObjectType.CONNECTION, id, form, binding, model);
    }

    private String impact(ObjectType type, long id, OptionsForm form, BindingResult binding, Model model) {
        Map<String, String> options = OptionsEditing.section(form, binding);
        if (options == null) {
            model.addAttribute("problems", binding.getAllErrors().stream().map(ObjectError::getDefaultMessage).toList());
            return IMPACT;
        }
        try {
            model.addAttribute("impact", policies.previewReplacing(type, id, options));
        } catch (InvalidInputException e) {
            List<String> problems = e.problems().stream()
                    .map(p -> p.field().startsWith("security.") || p.field().equals("changes") ? p.message()
                            : p.field() + ": " + p.message()).toList();
            model.addAttribute("problems", problems);
        }
        return IMPACT;
    }
}
