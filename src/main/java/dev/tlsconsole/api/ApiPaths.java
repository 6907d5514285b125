package dev.tlsconsole.api;

/** The public API's base path. */
public final class ApiPaths {

    public static final String PREFIX = "/api/v1";

    private ApiPaths() {
    }
}
