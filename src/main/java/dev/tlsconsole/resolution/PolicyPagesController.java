package dev.tlsconsole.resolution;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.SortableBy;

/**
 * The policies page (every connection with its grade, filtered and sorted) and the panels the topology
 * pages load from here by URL: a connection's effective policy, and the connections a host's or an
 * application's options reach.
 */
@Controller
@org.springframework.web.bind.annotation.RequestMapping("/policies")
class PolicyPagesController {

    /** How many reachable connections a host or application panel lists before pointing to the policies page. */
    static final int PANEL_ROWS = 50;

    private final EffectivePolicies policies;

    PolicyPagesController(EffectivePolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    String list(@RequestParam(required = false) List<String> grade, @RequestParam(required = false) List<String> mode,
            @RequestParam(required = false) List<String> severity, @RequestParam(required = false) List<String> code,
            @RequestParam(required = false) String q, @RequestParam(required = false) String clientType,
            @RequestParam(required = false) String serverType,
            @SortableBy({"connectionId", "client", "server", "portId", "mode", "protocol", "grade", "errors", "warnings"}) @PageableDefault(size = 50, sort = "connectionId") Pageable pageable, Model model) {
        PolicyFilter filter;
        Page<PolicyRow> page;
        try {
            filter = PolicyFilter.parse(grade, mode, severity, code, q, clientType, serverType);
            page = policies.list(filter, pageable);
        } catch (InvalidInputException e) {
            model.addAttribute("filterProblems", e.problems());
            filter = PolicyFilter.NONE;
            page = policies.list(filter, Pageable.ofSize(pageable.getPageSize()));
        }
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("filterSelects", PolicyFilterFields.of(filter, true));
        return "resolution/list";
    }

    /** The matrix screen's topology overlay (JSON for its script): connections and grades per component pair. */
    @GetMapping(path = "/matrix-overlay", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    List<MatrixOverlay.Pair> matrixOverlay() {
        return policies.matrixOverlay();
    }

    @GetMapping("/connections/{id}")
    String connection(@PathVariable long id, Model model) {
        model.addAttribute("policy", PolicyView.of(policies.get(id)));
        return "resolution/fragments :: connectionPolicy";
    }

    @GetMapping("/hosts/{id}/connections")
    String host(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model) {
        return reachable(ObjectType.HOST, id, name, model);
    }

    @GetMapping("/applications/{id}/connections")
    String application(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model) {
        return reachable(ObjectType.APPLICATION, id, name, model);
    }

    private String reachable(ObjectType type, long id, String name, Model model) {
        List<PolicyRow> rows = policies.reachableFrom(type, id);
        model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), PANEL_ROWS)));
        model.addAttribute("total", rows.size());
        model.addAttribute("name", name);
        model.addAttribute("type", type.name());
        return "resolution/fragments :: affected";
    }
}
