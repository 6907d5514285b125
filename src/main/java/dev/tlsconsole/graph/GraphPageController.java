package dev.tlsconsole.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.resolution.PolicyFilterFields;

/**
 * The {@code /graph} page (filters, legend, the drawing and the same graph as a keyboard-readable
 * list) and the JSON its script draws ({@code /graph/data}, the API's answer for the signed-in session).
 * {@code changed=<connectionId>:<before>:<after>} (repeated) opens a preview's impact on the graph.
 * A large selection is drawn from {@code /graph/data/hosts} (folded on the server) and expanded host by
 * host; {@code view=connections} sends every connection and folds in the browser instead, as before.
 */
@Controller
@RequestMapping("/graph")
class GraphPageController {

    /** Above this many applications the page starts with every host collapsed into one node. */
    static final int COLLAPSE_ABOVE = 300;
    private static final Pattern CHANGED = Pattern.compile("(\\d{1,18}):(A\\+|A |[ABCF-]):(A\\+|A |[ABCF-])");
    private static final int MAX_CHANGED = 10_000;

    private final TopologyGraph graph;

    GraphPageController(TopologyGraph graph) {
        this.graph = graph;
    }

    /**
     * The same page for a large preview: its changes sent as a form (space-separated in one or more
     * {@code changed} fields), since thousands of them do not fit in a URL. Reads only.
     */
    @PostMapping
    String previewPage(@RequestParam(required = false) List<String> changed, Model model) {
        List<String> values = new ArrayList<>();
        if (changed != null) {
            changed.forEach(value -> values.addAll(List.of(value.strip().split("\\s+"))));
        }
        return page(null, null, null, null, null, null, null, null, values, null, model);
    }

    @GetMapping
    String page(@RequestParam(required = false) List<String> grade, @RequestParam(required = false) List<String> mode,
            @RequestParam(required = false) List<String> code, @RequestParam(required = false) String host,
            @RequestParam(required = false) String componentType, @RequestParam(required = false) String q,
            @RequestParam(required = false) String focus, @RequestParam(required = false) String hops,
            @RequestParam(required = false) List<String> changed, @RequestParam(required = false) String view, Model model) {
        GraphQuery query;
        try {
            query = GraphQuery.parse(grade, mode, code, host, componentType, q, focus, hops);
            if (query.focused()) {
                graph.graph(query);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("filterProblems", e.problems());
            query = GraphQuery.ALL;
        }
        model.addAttribute("query", query);
        model.addAttribute("q", query.policy().text());
        model.addAttribute("dataUrl", dataUrl("/graph/data", query));
        model.addAttribute("hostsUrl", dataUrl("/graph/data/hosts", query));
        List<Change> changes = changes(changed);
        model.addAttribute("changes", changes);
        model.addAttribute("changeLinks", changes.isEmpty() ? Map.of()
                : graph.linkIds(changes.stream().map(Change::connectionId).collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("view", "connections".equals(view) ? view : "hosts");
        model.addAttribute("grades", Grade.values());
        model.addAttribute("filterSelects", PolicyFilterFields.of(query.policy(), false));
        model.addAttribute("collapseAbove", COLLAPSE_ABOVE);
        model.addAttribute("maxHops", GraphQuery.MAX_HOPS);
        return "graph/graph";
    }

    @GetMapping(path = "/data", produces = "application/json")
    @ResponseBody
    Graph data(@RequestParam MultiValueMap<String, String> params) {
        GraphQuery query = GraphQuery.parse(params);
        Set<Long> hosts = GraphQuery.hostIds(params.get("hostId"));
        return hosts.isEmpty() ? graph.graph(query) : graph.around(query, hosts);
    }

    /** The collapsed graph the page draws first: hosts and one link per pair of hosts, folded on the server. */
    @GetMapping(path = "/data/hosts", produces = "application/json")
    @ResponseBody
    HostGraph hosts(@RequestParam MultiValueMap<String, String> params) {
        return graph.hosts(GraphQuery.parse(params));
    }

    private static String dataUrl(String path, GraphQuery query) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        query.policy().grades().forEach(g -> url.queryParam("grade", g.label()));
        query.policy().modes().forEach(m -> url.queryParam("mode", m.name()));
        query.policy().codes().forEach(c -> url.queryParam("code", c.name()));
        add(url, "host", query.host());
        add(url, "componentType", query.componentType());
        add(url, "q", query.policy().text());
        add(url, "focus", query.focus());
        if (query.focused()) {
            url.queryParam("hops", query.hops());
        }
        return url.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder url, String name, String value) {
        if (!value.isEmpty()) {
            url.queryParam(name, value);
        }
    }

    /** The preview's changed connections; malformed entries are left out (the link is made by the console). */
    static List<Change> changes(List<String> changed) {
        List<Change> changes = new ArrayList<>();
        if (changed == null) {
            return changes;
        }
        for (String value : changed) {
            Matcher m = value == null ? null : CHANGED.matcher(value);
            if (m != null && m.matches() && changes.size() < MAX_CHANGED) {
                changes.add(new Change(Long.parseLong(m.group(1)), label(m.group(2)), label(m.group(3))));
            }
        }
        return changes;
    }

    private static String label(String grade) {
        return grade.equals("A ") ? "A+" : grade;
    }

    /** A connection whose grade (or mode, protocol, findings) the previewed change would alter. */
    record Change(long connectionId, String before, String after) {

        /** The value of a {@code changed} parameter for this change. */
        String parameter() {
            return connectionId + ":" + before + ":" + after;
        }
    }
}
