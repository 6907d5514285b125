package dev.tlsconsole.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: the current path (to highlight the navigation), list and object links. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final ListLinks listLinks;
    private final ObjectLinks objectLinks;

    LayoutModelAdvice(ListLinks listLinks, ObjectLinks objectLinks) {
        this.listLinks = listLinks;
        this.objectLinks = objectLinks;
    }

    /** Sort and page links of list pages (Thymeleaf 3.1 forbids bean references in templates). */
    @ModelAttribute("links")
    ListLinks links() {
        return listLinks;
    }

    /** The paths of object pages, the same as the redirects and audit links build: {@code @{${objectLinks.host(id)}}}. */
    @ModelAttribute("objectLinks")
    ObjectLinks objectLinks() {
        return objectLinks;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
