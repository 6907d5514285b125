package dev.tlsconsole.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.SortableBy;

/**
 * Checks what the framework would otherwise read leniently, for every handler before it runs (so a
 * refused request changed nothing):
 * <ul>
 * <li>paging: {@code page} ≥ 0, {@code size} 1…500 and {@code sort} only by the list's {@link SortableBy}
 * columns;</li>
 * <li>numbers and booleans in paths and query parameters: plain digits ({@code %201} is not 1) and
 * {@code true}/{@code false} ({@code yes} is not true);</li>
 * <li>API bodies: a concrete, parseable {@code Content-Type} (415 otherwise);</li>
 * <li>API answers: an {@code Accept} header the answer can satisfy (406 before a write, not after).</li>
 * </ul>
 * Violations are {@link InvalidInputException}s (400 problem documents for the API, the error page for the UI).
 */
class StrictRequestInterceptor implements HandlerInterceptor {

    static final int MAX_PAGE_SIZE = 500;
    /** Highest list position a form may bind (Spring grows lists up to 256 elements). */
    static final int MAX_INDEX = 255;
    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern PAGE_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Set<String> DIRECTIONS = Set.of("asc", "desc");
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        boolean api = Problems.isApiRequest(request);
        if (api) {
            checkAccept(request, method);
        }
        List<FieldProblem> problems = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (Pageable.class.equals(parameter.getParameterType())) {
                checkPaging(request, parameter, problems);
            } else if (api && parameter.hasParameterAnnotation(RequestBody.class)) {
                checkContentType(request);
            }
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            if (path != null && pathVariables != null) {
                String name = name(path.name(), path.value(), parameter);
                checkScalar(name, pathVariables.get(name), parameter, problems);
            }
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = name(param.name(), param.value(), parameter);
                String[] values = request.getParameterValues(name);
                if (values != null) {
                    for (String value : values) {
                        checkScalar(name, value, parameter, problems);
                    }
                }
            }
        }
        checkIndices(request, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return true;
    }

    /**
     * Form fields bound into lists ({@code rows[3].key}) may only name indices 0…{@value #MAX_INDEX}: a
     * negative or huge index cannot be bound and would otherwise fail as a 500 (or grow a list to its size).
     */
    private static void checkIndices(HttpServletRequest request, List<FieldProblem> problems) {
        for (String parameter : request.getParameterMap().keySet()) {
            java.util.regex.Matcher index = INDEX.matcher(parameter);
            while (index.find()) {
                String digits = index.group(1);
                // a map key such as security[tls-version] is not a position
                boolean position = digits.matches("\\s*[-+]?\\s*[0-9]+\\s*");
                if (position && (!digits.matches("[0-9]{1,4}") || Integer.parseInt(digits) > MAX_INDEX)) {
                    problems.add(new FieldProblem(Problems.clip(parameter), "is not a list position from 0 to " + MAX_INDEX));
                    break;
                }
            }
        }
    }

    private static String name(String name, String value, MethodParameter parameter) {
        if (StringUtils.hasText(name)) {
            return name;
        }
        return StringUtils.hasText(value) ? value : String.valueOf(parameter.getParameterName());
    }

    private static void checkScalar(String name, String value, MethodParameter parameter, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return;
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class) {
            if (!value.isEmpty() && !DIGITS.matcher(value).matches()) {
                problems.add(new FieldProblem(name, "'" + Problems.clip(value) + "' is not a whole number"));
            }
        } else if ((type == boolean.class || type == Boolean.class) && !value.isEmpty()
                && !"true".equals(value) && !"false".equals(value)) {
            problems.add(new FieldProblem(name, "'" + Problems.clip(value) + "' is not true or false"));
        }
    }

    private static void checkPaging(HttpServletRequest request, MethodParameter parameter, List<FieldProblem> problems) {
        // an empty value (?page=&size=&sort=, as API.md writes the parameters) means the default, as for the filters
        String page = request.getParameter("page");
        if (page != null && !page.isEmpty() && !PAGE_NUMBER.matcher(page).matches()) {
            problems.add(new FieldProblem("page", "'" + Problems.clip(page) + "' is not a page number (0 is the first page)"));
        }
        String size = request.getParameter("size");
        if (size != null && !size.isEmpty() && (!PAGE_NUMBER.matcher(size).matches() || Integer.parseInt(size) < 1
                || Integer.parseInt(size) > MAX_PAGE_SIZE)) {
            problems.add(new FieldProblem("size", "'" + Problems.clip(size) + "' is not a page size from 1 to " + MAX_PAGE_SIZE));
        }
        String[] sorts = request.getParameterValues("sort");
        if (sorts == null) {
            return;
        }
        Set<String> allowed = sortable(parameter);
        for (String sort : sorts) {
            if (sorts.length == 1 && sort.isEmpty()) {
                continue; // ?sort= alone: the default order
            }
            String problem = sortProblem(sort, allowed);
            if (problem != null) {
                problems.add(new FieldProblem("sort", problem));
            }
        }
    }

    private static String sortProblem(String sort, Set<String> allowed) {
        String use = allowed.isEmpty() ? "this list cannot be sorted"
                : "use one of " + String.join(", ", allowed) + ", optionally followed by ,asc or ,desc";
        List<String> parts = new ArrayList<>(Arrays.asList(sort.split(",", -1)));
        if (parts.size() > 1 && DIRECTIONS.contains(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT))) {
            parts.remove(parts.size() - 1);
        }
        for (String property : parts) {
            if (!allowed.contains(property)) {
                return "cannot sort by '" + Problems.clip(property) + "': " + use;
            }
        }
        return null;
    }

    private static Set<String> sortable(MethodParameter parameter) {
        SortableBy sortable = parameter.getParameterAnnotation(SortableBy.class);
        if (sortable != null) {
            return new LinkedHashSet<>(Arrays.asList(sortable.value()));
        }
        PageableDefault defaults = parameter.getParameterAnnotation(PageableDefault.class);
        return defaults == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(defaults.sort()));
    }

    private static void checkContentType(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        if (header == null) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(header);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new HttpMediaTypeNotSupportedException("Content type '" + Problems.clip(header) + "' is not concrete");
            }
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("Content type cannot be read");
        }
    }

    /**
     * An API answer is JSON unless the handler declares what it produces or writes raw bytes/text of its
     * own type (downloads). A client that accepts none of it gets 406 before the handler runs.
     */
    private static void checkAccept(HttpServletRequest request, HandlerMethod method) throws HttpMediaTypeNotAcceptableException {
        if (request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null || writesOwnType(method)) {
            return;
        }
        String header = request.getHeader("Accept");
        if (!StringUtils.hasText(header)) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("The Accept header cannot be read");
        }
        for (MediaType type : accepted) {
            for (MediaType json : JSON) {
                if (type.isCompatibleWith(json)) {
                    return;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(JSON);
    }

    private static boolean writesOwnType(HandlerMethod method) {
        ResolvableType type = ResolvableType.forMethodParameter(method.getReturnType());
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> body = type.toClass();
        return body == byte[].class || body == String.class || org.springframework.core.io.Resource.class.isAssignableFrom(body);
    }
}
