package dev.tlsconsole.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import dev.tlsconsole.api.Problems;

/**
 * The last stop for every error the container hands back (including those raised outside Spring MVC):
 * a problem document for API paths, a page that leaks nothing for browsers.
 */
@Controller
class ConsoleErrorController implements ErrorController {

    static final String VIEW = "error/error";

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = statusOf(request);
        if (Problems.databaseUnavailable(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // the pool gave up waiting for a connection: ask the client to come back rather than report a fault
            status = HttpStatus.SERVICE_UNAVAILABLE;
            response.setHeader("Retry-After", "5");
        }
        String originalPath = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (originalPath != null && originalPath.startsWith(dev.tlsconsole.api.ApiPaths.PREFIX)
                || originalPath != null && originalPath.startsWith("/actuator")) {
            ProblemDetail problem = Problems.of(status, status == HttpStatus.SERVICE_UNAVAILABLE
                    ? "The database cannot be reached at the moment; nothing was changed. Retry in a few seconds"
                    : status.is5xxServerError() ? "The console could not complete the request"
                    : "The request could not be processed (" + status.getReasonPhrase() + ")");
            return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView(VIEW);
        page.setStatus(status);
        page.addObject("icon", switch (status.value()) {
            case 403 -> "shield-x";
            case 404 -> "signpost-split";
            default -> status.is5xxServerError() ? "bug" : "exclamation-octagon";
        });
        page.addObject("messageKey", switch (status.value()) {
            case 403, 404 -> "error." + status.value();
            default -> status.is5xxServerError() ? "error.500" : "error.generic";
        });
        page.addObject("status", status.value());
        page.addObject("reason", status.getReasonPhrase());
        page.addObject("deniedReason", request.getAttribute("consoleDeniedReason"));
        return page;
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
