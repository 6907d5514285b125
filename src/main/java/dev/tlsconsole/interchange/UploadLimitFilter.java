package dev.tlsconsole.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

import dev.tlsconsole.api.ApiPaths;
import dev.tlsconsole.api.Problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two upload limits on one servlet: the container parses multipart bodies up to the import limit
 * ({@code console.imports.max-upload-size}), and this filter keeps every other request at the small
 * {@code spring.servlet.multipart.*} limits — a larger part or body there fails exactly as the container's
 * own limit would (413, nothing read into the application). An import over its limit is answered before
 * its body is parsed: a 413 problem document under {@code /api}, a message the Import page shows
 * otherwise. The body is drained first (up to twice the limit), so the client reads the answer instead
 * of a reset connection.
 */
class UploadLimitFilter extends OncePerRequestFilter {

    static final Set<String> API_IMPORTS = Set.of(ApiPaths.PREFIX + "/imports/genesys", ApiPaths.PREFIX + "/topology/import");
    static final String PAGE_PLAN = "/imports";
    static final String PAGE_JOB = "/imports/jobs";

    private final long importLimit;
    private final long requestLimit;
    private final long fileLimit;
    private final Problems problems;
    private final MessageSource messages;
    private final JsonMapper mapper;

    UploadLimitFilter(long importLimit, long requestLimit, long fileLimit, Problems problems, MessageSource messages,
            JsonMapper mapper) {
        this.importLimit = importLimit;
        this.requestLimit = requestLimit;
        this.fileLimit = fileLimit;
        this.problems = problems;
        this.messages = messages;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equals(request.getMethod());
        if (post && (API_IMPORTS.contains(path) || PAGE_PLAN.equals(path) || PAGE_JOB.equals(path))) {
            long length = request.getContentLengthLong();
            if (length > importLimit) {
                drain(request);
                refuseImport(request, response, path);
                return;
            }
            // a body of unknown length: the container bounds a multipart one, this bounds a JSON document
            chain.doFilter(length < 0 && !multipart(request) ? new BoundedBody(request, importLimit) : request, response);
            return;
        }
        if (multipart(request)) {
            if (request.getContentLengthLong() > requestLimit) {
                drain(request);
                refuseSmall(request, response);
                return;
            }
            chain.doFilter(new SmallParts(request, requestLimit, fileLimit), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** Reads and discards the body (bounded), so the answer reaches a client that is still sending. */
    private void drain(HttpServletRequest request) throws IOException {
        long left = 2 * importLimit;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = request.getInputStream()) {
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= read;
            }
        }
    }

    private void refuseImport(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String limit = ImportLimits.megabytes(org.springframework.util.unit.DataSize.ofBytes(importLimit));
        if (Problems.isApiRequest(request)) {
            problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the "
                    + limit + " an import accepts (console.imports.max-upload-size); nothing was changed"));
            return;
        }
        String message = messages.getMessage("interchange.import.tooLarge", new Object[] {limit},
                RequestContextUtils.getLocale(request));
        if (PAGE_JOB.equals(path)) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            mapper.writeValue(response.getOutputStream(), Map.of("message", message));
            return;
        }
        // the form without the page's script: back to the page, which shows the message
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + PAGE_PLAN + "?tooLarge");
    }

    private void refuseSmall(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Problems.isApiRequest(request)) {
            problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "The upload is larger than the console accepts"));
        } else {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        }
    }

    /**
     * A multipart request outside the imports: its parts fail as the container's own limits would, so the
     * multipart resolver answers them as before (MaxUploadSizeExceededException, a 413).
     */
    private static final class SmallParts extends HttpServletRequestWrapper {

        private final long requestLimit;
        private final long fileLimit;

        SmallParts(HttpServletRequest request, long requestLimit, long fileLimit) {
            super(request);
            this.requestLimit = requestLimit;
            this.fileLimit = fileLimit;
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            Collection<Part> parts = super.getParts();
            long total = 0;
            for (Part part : parts) {
                if (part.getSize() > fileLimit) {
                    throw new IllegalStateException("the part '" + part.getName() + "' exceeds its maximum size of "
                            + fileLimit + " bytes");
                }
                total += part.getSize();
            }
            if (total > requestLimit) {
                throw new IllegalStateException("the request exceeds its maximum size of " + requestLimit + " bytes");
            }
            return parts;
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            getParts();
            return super.getPart(name);
        }
    }

    /** A body of unknown length read at most up to the limit: beyond it, reading fails (a 400, nothing changed). */
    private static final class BoundedBody extends HttpServletRequestWrapper {

        private final long limit;

        BoundedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new IOException("the request body exceeds the " + limit + " bytes an import accepts");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
