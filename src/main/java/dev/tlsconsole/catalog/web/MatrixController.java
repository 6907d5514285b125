package dev.tlsconsole.catalog.web;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.catalog.Catalog;
import dev.tlsconsole.catalog.Component;

/**
 * The matrix screens: the grid with its filter, the details of one cell, the component search and the CSV export.
 * Everything is a GET with plain parameters, so filtering, searching and opening a cell work without JavaScript;
 * with it, a cell's details open in a side panel (htmx asks for the {@code details} fragment only).
 */
@Controller
@RequestMapping(CatalogPaths.MATRIX)
class MatrixController {

    static final String MATRIX_VIEW = "catalog/matrix";
    static final String PAIR_VIEW = "catalog/pair";
    static final String PAIR_FRAGMENT = "catalog/pair :: details";
    static final String SEARCH_VIEW = "catalog/search";

    private final CatalogService catalog;

    MatrixController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    String matrix(@RequestParam(required = false) @Nullable String group,
                  @RequestParam(required = false) @Nullable String name,
                  @RequestParam(required = false) @Nullable String scope, Model model) {
        Catalog data = catalog.catalog();
        model.addAttribute("matrix", catalog.matrix(MatrixFilter.of(group, name, scope)));
        model.addAttribute("groups", data.groups());
        model.addAttribute("catalogNotes", data.catalogNotes());
        model.addAttribute("componentCount", data.components().size());
        model.addAttribute("linkCount", data.explicitLinks().size());
        model.addAttribute("ruleCount", data.wildcardRules().size());
        model.addAttribute("componentNames", data.components().stream().map(Component::name).toList());
        return MATRIX_VIEW;
    }

    /** The links and rules of one cell: a side panel for htmx, a page of its own otherwise. */
    @GetMapping("/pair")
    String pair(@RequestParam String from, @RequestParam String to,
                @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Component client = component(from);
        Component server = component(to);
        model.addAttribute("client", client);
        model.addAttribute("server", server);
        model.addAttribute("cell", catalog.cell(client, server).orElse(null));
        model.addAttribute("panel", htmx != null);
        return htmx == null ? PAIR_VIEW : PAIR_FRAGMENT;
    }

    /** Jumps to the component a name or alias names; several matches are listed, none is said so. */
    @GetMapping("/search")
    String search(@RequestParam(required = false) @Nullable String q, Model model) {
        ComponentSearch search = catalog.search(q == null ? "" : q);
        if (search.query().isEmpty()) {
            return "redirect:" + CatalogPaths.MATRIX;
        }
        Optional<Component> single = search.single();
        if (single.isPresent()) {
            return "redirect:" + CatalogPaths.component(single.get());
        }
        model.addAttribute("search", search);
        model.addAttribute("componentNames", catalog.catalog().components().stream().map(Component::name).toList());
        return SEARCH_VIEW;
    }

    /** Every link and rule as CSV (the browser's session cannot use the API's Basic or token authentication). */
    @GetMapping("/links.csv")
    ResponseEntity<String> csv() {
        return CatalogApiController.csv(catalog, catalog.links(null, null));
    }

    private Component component(String name) {
        return catalog.find(name).orElseThrow(() -> NotFoundException.of("Component", name));
    }
}
