package dev.tlsconsole.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.catalog.Component;

/**
 * A component's page: what it is, its notes, what it may connect to and be connected from, and a "check a link"
 * form. The form is a GET to this same page (works without JavaScript, can be bookmarked); htmx asks for the
 * {@code check-result} fragment only.
 */
@Controller
@RequestMapping(CatalogPaths.MATRIX + "/components")
class ComponentController {

    static final String COMPONENT_VIEW = "catalog/component";
    static final String CHECK_FRAGMENT = "catalog/component :: check-result";

    private final CatalogService catalog;

    ComponentController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/{name}")
    String component(@PathVariable String name,
                     @RequestParam(required = false) @Nullable String from,
                     @RequestParam(required = false) @Nullable String fromVersion,
                     @RequestParam(required = false) @Nullable String to,
                     @RequestParam(required = false) @Nullable String toVersion,
                     @RequestParam(required = false) @Nullable String port,
                     @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Component component = catalog.find(name).orElseThrow(() -> NotFoundException.of("Component", name));
        boolean asked = to != null;
        if (!asked && !component.name().equals(name)) {
            // an alias or another spelling: one address per component
            return "redirect:" + CatalogPaths.component(component);
        }
        LinkQuery query = asked ? new LinkQuery(from, fromVersion, to, toVersion, port) : LinkQuery.from(component.name());
        model.addAttribute("query", query);
        if (asked) {
            try {
                model.addAttribute("verdict", catalog.check(query));
            } catch (InvalidInputException e) {
                model.addAttribute("problems", e.problems());
            }
        }
        if (htmx != null && asked) {
            return CHECK_FRAGMENT;
        }
        model.addAttribute("component", component);
        model.addAttribute("group", catalog.catalog().groups().stream()
                .filter(g -> g.name().equals(component.group())).findFirst().orElseThrow());
        model.addAttribute("traits", component.traits().stream().sorted().toList());
        model.addAttribute("componentLinks", catalog.linksOf(component));
        model.addAttribute("componentNames", catalog.catalog().components().stream().map(Component::name).toList());
        return COMPONENT_VIEW;
    }
}
