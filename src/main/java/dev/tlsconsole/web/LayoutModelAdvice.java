package dev.tlsconsole.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: the current path (to highlight the navigation) and list links. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final ListLinks listLinks;

    LayoutModelAdvice(ListLinks listLinks) {
        this.listLinks = listLinks;
    }

    /** Sort and page links of list pages (Thymeleaf 3.1 forbids bean references in templates). */
    @ModelAttribute("links")
    ListLinks links() {
        return listLinks;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
