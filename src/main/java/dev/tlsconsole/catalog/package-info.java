/**
 * The supported-component matrix ("catalog"): which Genesys components support TLS on which
 * connections, from which versions and with which port-naming rule, as the seed document lists them.
 *
 * <p>The data lives in {@code classpath:catalog/catalog.yaml}; {@link dev.tlsconsole.catalog.CatalogLoader}
 * turns it into an immutable {@link dev.tlsconsole.catalog.Catalog}, {@link dev.tlsconsole.catalog.LinkCheck}
 * answers "is this connection listed?", {@link dev.tlsconsole.catalog.CatalogMatrix} lays the links out as the
 * from × to grid the screens draw, and {@link dev.tlsconsole.catalog.CatalogLinkRules} offers the checks to the
 * policy engine. Only {@code CatalogConfiguration} knows Spring; the API and the screens live in
 * {@code dev.tlsconsole.catalog.web}.
 */
@NullMarked
package dev.tlsconsole.catalog;

import org.jspecify.annotations.NullMarked;
