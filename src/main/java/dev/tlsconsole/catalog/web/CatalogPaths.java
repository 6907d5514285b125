package dev.tlsconsole.catalog.web;

import org.springframework.web.util.UriComponentsBuilder;
import dev.tlsconsole.catalog.Component;

/** Addresses of the catalog screens, encoded: component names carry spaces, '+', '.' and parentheses. */
final class CatalogPaths {

    static final String MATRIX = "/catalog";

    private CatalogPaths() {
    }

    static String component(Component component) {
        return UriComponentsBuilder.fromPath(MATRIX + "/components/{name}").buildAndExpand(component.name())
                .encode().toUriString();
    }
}
