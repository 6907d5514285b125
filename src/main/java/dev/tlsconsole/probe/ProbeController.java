package dev.tlsconsole.probe;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.resolution.EffectivePolicies;
import dev.tlsconsole.resolution.ObservedFindings;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.web.CurrentUser;

/**
 * The Probe buttons (application page, per secure port; connection page) and the panels the topology
 * pages load by URL: what the latest probe observed about a connection, and a port's last probe with
 * what changed since the one before.
 */
@Controller
class ProbeController {

    private final ProbeService probes;
    private final EffectivePolicies policies;
    private final CurrentUser currentUser;

    ProbeController(ProbeService probes, EffectivePolicies policies, CurrentUser currentUser) {
        this.probes = probes;
        this.policies = policies;
        this.currentUser = currentUser;
    }

    /** Probes the port and returns to the page the button was on: the connection's, or the application's. */
    @PostMapping("/probes")
    String probe(@RequestParam String application, @RequestParam String portId, @RequestParam long applicationId,
            @RequestParam(required = false) Long connectionId, RedirectAttributes flash) {
        try {
            ProbeView view = probes.probe(application, portId);
            flash.addFlashAttribute("success", "probe.done");
            flash.addFlashAttribute("successArg", application + ":" + portId + " — " + view.findings().size());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "probe.refused");
            flash.addFlashAttribute("errorArg", e.problems().get(0).message());
        } catch (ProbesBusyException e) {
            flash.addFlashAttribute("error", "probe.busy");
        }
        return connectionId != null ? "redirect:/connections/" + connectionId : "redirect:/applications/" + applicationId;
    }

    @GetMapping("/probes/connections/{id}")
    String connection(@PathVariable long id, Model model) {
        EffectivePolicy policy = policies.get(id);
        Optional<ObservedFindings.Observation> observation = probes.forConnection(id);
        List<ObservedFindings.Item> items = observation.map(ObservedFindings.Observation::findings).orElse(List.of());
        model.addAttribute("policy", policy);
        model.addAttribute("observation", observation.orElse(null));
        model.addAttribute("observedGrade", ObservedFindings.capped(policy.grade(), items));
        model.addAttribute("canEdit", currentUser.hasRole("OPERATOR"));
        return "probe/fragments :: connectionObserved";
    }

    @GetMapping("/probes/ports")
    String port(@RequestParam long applicationId, @RequestParam String portId, Model model) {
        List<ProbeView> lastTwo = probes.lastTwo(applicationId, portId);
        model.addAttribute("last", lastTwo.isEmpty() ? null : lastTwo.get(0));
        model.addAttribute("changes", lastTwo.size() < 2 ? null : ProbeChanges.between(lastTwo.get(1), lastTwo.get(0)));
        return "probe/fragments :: portHistory";
    }
}
