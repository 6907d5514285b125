package dev.tlsconsole.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every mutating endpoint the application maps, read from Spring MVC itself, so a test over them
 * covers endpoints added later without anyone remembering to list them.
 */
public final class MutatingEndpoints {

    /** An endpoint with its path variables filled with an id that does not exist. */
    public record Endpoint(RequestMethod method, String pattern, String path, String handler) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private static final Set<RequestMethod> MUTATING = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    /**
     * POSTs that change nothing (what-if preview, stand-alone certificate check, a preview too large for a
     * link opened on the graph).
     */
    public static final Set<String> READ_ONLY = Set.of("/api/v1/preview", "/api/v1/certificates/validate",
            "/certificates/validate", "/graph");

    private MutatingEndpoints() {
    }

    /** Mutating API endpoints, except one's own account ({@code /users/me/**}) and read-only POSTs. */
    public static List<Endpoint> api(RequestMappingHandlerMapping mapping) {
        return collect(mapping, true);
    }

    /** Mutating UI endpoints (form posts), except sign-in/out, one's own account and previews. */
    public static List<Endpoint> ui(RequestMappingHandlerMapping mapping) {
        return collect(mapping, false);
    }

    private static List<Endpoint> collect(RequestMappingHandlerMapping mapping, boolean api) {
        List<Endpoint> endpoints = new ArrayList<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (!MUTATING.contains(method)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    boolean isApi = pattern.startsWith("/api/");
                    if (isApi != api || excluded(pattern)) {
                        continue;
                    }
                    endpoints.add(new Endpoint(method, pattern, pattern.replaceAll("\\{[^}]+}", "999999"),
                            handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName()));
                }
            }
        });
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static boolean excluded(String pattern) {
        return READ_ONLY.contains(pattern) || pattern.startsWith("/api/v1/users/me") || pattern.startsWith("/account")
                || pattern.equals("/login") || pattern.equals("/logout") || pattern.endsWith("/preview");
    }
}
