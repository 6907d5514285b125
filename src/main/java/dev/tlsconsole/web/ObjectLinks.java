package dev.tlsconsole.web;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place the console builds the path of an object's page: for redirects after a save, links of
 * audit entries, notifications, refusal screens and the options editors. Templates link to object pages
 * through the same methods, as the model attribute {@code objectLinks} every page has ({@link LayoutModelAdvice}; Thymeleaf
 * 3.1 forbids bean references in links): {@code th:href="@{${objectLinks.host(host.id())}}"}, the {@code @{...}} around
 * it adding the context path. A path changed here changes everywhere.
 */
@Component("objectLinks")
public final class ObjectLinks {

    /** Where the options editor sits on a page. */
    public static final String OPTIONS = "#options";

    private ObjectLinks() {
    }

    public static String host(long id) {
        return "/hosts/" + id;
    }

    public static String application(long id) {
        return "/applications/" + id;
    }

    /** The annex {@code [security]} tab of an application. */
    public static String applicationAnnex(long id) {
        return application(id) + "/annex";
    }

    /** A listening port's page, reached through its application; the port id is encoded. */
    public static String port(long applicationId, String portId) {
        return UriComponentsBuilder.fromPath("/applications/{id}/ports/{portId}").buildAndExpand(applicationId, portId)
                .encode().toUriString();
    }

    public static String connection(long id) {
        return "/connections/" + id;
    }

    public static String certificate(long id) {
        return "/certificates/" + id;
    }

    public static String authority(long id) {
        return "/authorities/" + id;
    }

    public static String crl(long id) {
        return "/crls/" + id;
    }

    public static String user(long id) {
        return "/users/" + id;
    }

    /** {@code path} at its options editor. */
    public static String options(String path) {
        return path + OPTIONS;
    }

    /** A Spring MVC redirect to {@code path}. */
    public static String redirect(String path) {
        return "redirect:" + path;
    }
}
