package dev.tlsconsole.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decodes the request parameters once, before anything else reads them: a badly encoded query string
 * ({@code ?q=%ZZ}, {@code ?q=%ED%A0%BD}, an invalid UTF-8 sequence) is answered 400 here — a problem
 * document under {@code /api}, the error page elsewhere — instead of failing as a 500 wherever the first
 * parameter happens to be read. Multipart bodies are left to the multipart resolver (and its size limits).
 */
class UnreadableRequestFilter extends OncePerRequestFilter {

    private final Problems problems;

    UnreadableRequestFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException e) {
                refuse(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = "The query string or form parameters are not correctly percent-encoded UTF-8";
        if (Problems.isApiRequest(request)) {
            problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, detail));
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }
}
