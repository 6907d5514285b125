/**
 * The supported-component matrix on the web: the REST API under {@code /api/v1/catalog} and the screens under
 * {@code /catalog} (grid, component pages, search, link check). Kept apart from {@code dev.tlsconsole.catalog} so the
 * catalog itself stays free of Spring MVC; everything here reads through {@link dev.tlsconsole.catalog.web.CatalogService}.
 */
@NullMarked
package dev.tlsconsole.catalog.web;

import org.jspecify.annotations.NullMarked;
