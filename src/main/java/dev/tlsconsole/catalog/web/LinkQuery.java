package dev.tlsconsole.catalog.web;

import org.jspecify.annotations.Nullable;

/**
 * "Is this connection in the matrix?" as typed by a person or a script: names or aliases and versions as text, so
 * that {@link CatalogService#check} can report every mistake at once, naming the parameter.
 *
 * @param from        client component name or alias (required)
 * @param fromVersion client version, e.g. {@code 8.1.0}; blank = unknown
 * @param to          server component name or alias (required)
 * @param toVersion   server version; blank = unknown
 * @param port        id of the server port used ({@code default}, {@code ESP}…); blank = unknown
 */
public record LinkQuery(@Nullable String from, @Nullable String fromVersion, @Nullable String to,
                        @Nullable String toVersion, @Nullable String port) {

    /** An empty query, for a form shown before anything was asked. */
    static LinkQuery from(String component) {
        return new LinkQuery(component, null, null, null, null);
    }
}
