package dev.tlsconsole.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Completes every operation of the public API from what its handler method already says, so controllers
 * added later are documented the same way without annotations: a stable {@code operationId} and summary,
 * a tag per feature, {@code 201} + {@code Location} for creates, {@code 204} for empty answers, the 4xx
 * problems the API really answers, real media types, and {@code page}/{@code size}/{@code sort} as plain
 * query parameters. Explicit {@code @Operation} / {@code @ApiResponse} annotations win where present.
 */
final class ApiOperationCustomizer implements OperationCustomizer {

    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final Set<String> FILE_TYPES = Set.of("byte[]", "String", "Resource");
    private static final Map<String, String> TAGS = Map.of("resolution", "Effective policy", "security", "Accounts",
            "topology", "Topology", "certificates", "Certificates", "catalog", "Catalog", "audit", "Audit");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Method method = handler.getMethod();
        RequestMethod verb = verb(handler);
        if (operation.getOperationId() == null || !explicitOperationId(method)) {
            operation.setOperationId(operationId(handler, verb));
        }
        if (operation.getSummary() == null) {
            operation.setSummary(summary(operation.getOperationId()));
        }
        if (!hasTagAnnotation(handler)) {
            operation.setTags(List.of(tag(handler.getBeanType())));
        }
        pageParameters(operation, handler);
        queryParametersOfForms(operation, handler);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        successResponse(responses, handler, verb);
        errorResponses(operation, responses, handler, verb);
        return operation;
    }

    // --- operationId, summary, tag

    private static boolean explicitOperationId(Method method) {
        io.swagger.v3.oas.annotations.Operation annotation =
                AnnotatedElementUtils.findMergedAnnotation(method, io.swagger.v3.oas.annotations.Operation.class);
        return annotation != null && !annotation.operationId().isBlank();
    }

    /**
     * {@code list}/{@code get}/{@code create}/{@code update}/{@code delete} + the resource of the controller's
     * path ({@code listHosts}, {@code getHost}); any other method name + the resource unless it already names it.
     */
    static String operationId(HandlerMethod handler, RequestMethod verb) {
        String name = handler.getMethod().getName();
        String plural = resource(handler);
        String singular = singular(plural);
        return switch (name) {
            case "list" -> "list" + plural;
            case "get", "create", "update", "delete" -> name + singular;
            default -> name.toLowerCase(Locale.ROOT).contains(singular.toLowerCase(Locale.ROOT)) ? name : name + singular;
        };
    }

    /** The first literal path segment of the controller, e.g. {@code /hosts} → {@code Hosts}; else its class name. */
    private static String resource(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        if (mapping != null) {
            for (String path : mapping.path()) {
                for (String segment : path.split("/")) {
                    if (!segment.isEmpty() && !segment.startsWith("{")) {
                        return camel(segment);
                    }
                }
            }
        }
        String type = handler.getBeanType().getSimpleName();
        return type.replace("ApiController", "").replace("Controller", "");
    }

    private static String camel(String segment) {
        StringBuilder out = new StringBuilder();
        for (String part : segment.split("[-_.]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("s") && !plural.endsWith("ss")) {
            return plural.substring(0, plural.length() - 1);
        }
        return plural;
    }

    /** {@code getEffectivePolicy} → "Get effective policy". */
    static String summary(String operationId) {
        String words = operationId.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean hasTagAnnotation(HandlerMethod handler) {
        return handler.hasMethodAnnotation(io.swagger.v3.oas.annotations.tags.Tag.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), io.swagger.v3.oas.annotations.tags.Tag.class);
    }

    /** The feature: the package below {@code dev.tlsconsole}, e.g. {@code topology.host} → "Topology". */
    static String tag(Class<?> controller) {
        String base = ApiPaths.class.getPackageName();
        String root = base.substring(0, base.lastIndexOf('.'));
        String rest = controller.getPackageName().substring(root.length() + 1);
        String feature = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return TAGS.getOrDefault(feature, camel(feature).replaceAll("([a-z])([A-Z])", "$1 $2"));
    }

    // --- paging

    private static void pageParameters(Operation operation, HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (!Pageable.class.isAssignableFrom(parameter.getParameterType())) {
                continue;
            }
            List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                    : new ArrayList<>(operation.getParameters());
            parameters.removeIf(p -> "pageable".equals(p.getName()) || "page".equals(p.getName())
                    || "size".equals(p.getName()) || "sort".equals(p.getName()));
            PageableDefault defaults = parameter.getParameterAnnotation(PageableDefault.class);
            int size = defaults == null ? 20 : defaults.size();
            parameters.add(new QueryParameter().name("page").description("Zero-based page number")
                    .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ZERO)._default(0)));
            parameters.add(new QueryParameter().name("size").description("Page size (at most 500)")
                    .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(500))._default(size)));
            parameters.add(sortParameter(parameter, handler, defaults));
            operation.setParameters(parameters);
        }
    }

    private static Parameter sortParameter(MethodParameter parameter, HandlerMethod handler, PageableDefault defaults) {
        ApiSort allowed = parameter.getParameterAnnotation(ApiSort.class);
        if (allowed == null) {
            allowed = handler.getMethodAnnotation(ApiSort.class);
        }
        StringBuilder description = new StringBuilder("Sort order: `field` or `field,desc` (repeat the parameter to sort by several fields)");
        if (allowed != null) {
            description.append(". Fields: ").append(String.join(", ", allowed.value()));
        }
        if (defaults != null && defaults.sort().length > 0) {
            description.append(". Default: ").append(String.join(",", defaults.sort()))
                    .append(defaults.direction() == org.springframework.data.domain.Sort.Direction.DESC ? ",desc" : "");
        }
        StringSchema item = new StringSchema();
        if (allowed != null) {
            item.pattern("^(" + String.join("|", allowed.value()) + ")(,(asc|desc))?$");
        }
        return new QueryParameter().name("sort").description(description.toString()).explode(true)
                .schema(new ArraySchema().items(item));
    }

    // --- responses

    private static void successResponse(ApiResponses responses, HandlerMethod handler, RequestMethod verb) {
        if (annotatedResponses(handler.getMethod())) {
            fixMediaTypes(responses);
            return;
        }
        ApiResponse ok = responses.get("200");
        ApiFile file = handler.getMethodAnnotation(ApiFile.class);
        if (file != null) {
            Content content = new Content();
            for (String type : file.value()) {
                boolean text = type.startsWith("text/") || type.equals("application/x-pem-file");
                content.addMediaType(type, new MediaType().schema(text ? new StringSchema() : new StringSchema().format("binary")));
            }
            responses.addApiResponse("200", new ApiResponse().description("The file").content(content));
            return;
        }
        HttpStatus status = status(handler, verb);
        if (status == HttpStatus.CREATED && ok != null) {
            ApiResponse created = new ApiResponse().description("Created; `Location` is the new object's URL")
                    .content(ok == null ? null : ok.getContent())
                    .addHeaderObject("Location", new Header().description("URL of the created object")
                            .schema(new StringSchema().format("uri")));
            responses.remove("200");
            responses.remove("201");
            responses.addApiResponse("201", created);
        } else if (status == HttpStatus.CREATED && responses.containsKey("201")) {
            // a second handler of the same operation (e.g. the multipart variant of an import)
            ApiResponse created = responses.get("201");
            created.setDescription("Created; `Location` is the new object's URL");
            created.addHeaderObject("Location", new Header().description("URL of the created object")
                    .schema(new StringSchema().format("uri")));
        } else if (status == HttpStatus.NO_CONTENT) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("Done; no content"));
        } else if (ok != null && (ok.getDescription() == null || ok.getDescription().equals("OK"))) {
            ok.setDescription("OK");
        }
        fixMediaTypes(responses);
    }

    private static boolean annotatedResponses(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, io.swagger.v3.oas.annotations.responses.ApiResponse.class)
                || AnnotatedElementUtils.hasAnnotation(method, io.swagger.v3.oas.annotations.responses.ApiResponses.class);
    }

    /**
     * 201 for {@code @ResponseStatus(CREATED)} and for a POST answering {@code ResponseEntity} of a JSON
     * object; 204 for {@code @ResponseStatus(NO_CONTENT)} and {@code ResponseEntity<Void>}.
     */
    static HttpStatus status(HandlerMethod handler, RequestMethod verb) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
        if (declared != null) {
            return declared.code();
        }
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        if (ResponseEntity.class.isAssignableFrom(returned.toClass())) {
            Class<?> body = returned.getGeneric(0).toClass();
            if (body == Void.class) {
                return HttpStatus.NO_CONTENT;
            }
            if (verb == RequestMethod.POST && !body.isArray() && !FILE_TYPES.contains(body.getSimpleName())) {
                return HttpStatus.CREATED;
            }
        }
        if (returned.toClass() == void.class && verb == RequestMethod.DELETE) {
            return HttpStatus.NO_CONTENT;
        }
        return HttpStatus.OK;
    }

    /** {@code *}{@code /*} (a handler that declares no {@code produces}) becomes JSON; files keep their declared types. */
    private static void fixMediaTypes(ApiResponses responses) {
        responses.forEach((code, response) -> {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                MediaType any = content.remove("*/*");
                if (content.isEmpty()) {
                    boolean binary = any.getSchema() != null && "binary".equals(any.getSchema().getFormat());
                    content.addMediaType(binary ? "application/octet-stream" : JSON, any);
                }
            }
        });
    }

    /**
     * Springdoc puts every {@code @RequestParam} of a multipart handler into the form; one documented with
     * {@code @Parameter(in = QUERY)} (the import's {@code ?dryRun=…&prune=…}) is a query parameter instead.
     */
    @SuppressWarnings("rawtypes")
    private static void queryParametersOfForms(Operation operation, HandlerMethod handler) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType multipart = operation.getRequestBody().getContent().get("multipart/form-data");
        if (multipart == null || multipart.getSchema() == null || multipart.getSchema().getProperties() == null) {
            return;
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            io.swagger.v3.oas.annotations.Parameter doc = parameter.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
            org.springframework.web.bind.annotation.RequestParam param =
                    parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
            if (doc == null || param == null || doc.in() != io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                    : parameter.getParameterName();
            io.swagger.v3.oas.models.media.Schema schema = (io.swagger.v3.oas.models.media.Schema)
                    multipart.getSchema().getProperties().remove(name);
            if (schema != null) {
                operation.addParametersItem(new QueryParameter().name(name).required(false).schema(schema));
            }
        }
    }

    private static void errorResponses(Operation operation, ApiResponses responses, HandlerMethod handler, RequestMethod verb) {
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean hasId = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        putIfAbsent(responses, "400", hasInput || verb != RequestMethod.GET ? "BadRequest" : null);
        putIfAbsent(responses, "401", "Unauthorized");
        putIfAbsent(responses, "403", "Forbidden");
        putIfAbsent(responses, "404", hasId ? "NotFound" : null);
        // an action on one object (POST /certificates/{id}/revoke, /assign, …) can conflict with its state too
        boolean writes = verb == RequestMethod.PUT || verb == RequestMethod.DELETE
                || status(handler, verb) == HttpStatus.CREATED || (verb == RequestMethod.POST && hasId);
        putIfAbsent(responses, "409", writes ? "Conflict" : null);
        putIfAbsent(responses, "415", operation.getRequestBody() != null ? "UnsupportedMediaType" : null);
    }

    private static void putIfAbsent(ApiResponses responses, String code, String component) {
        if (component != null && !responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + component));
        }
    }

    private static RequestMethod verb(HandlerMethod handler) {
        Method method = handler.getMethod();
        if (AnnotatedElementUtils.hasAnnotation(method, PostMapping.class)) {
            return RequestMethod.POST;
        }
        if (AnnotatedElementUtils.hasAnnotation(method, PutMapping.class)) {
            return RequestMethod.PUT;
        }
        if (AnnotatedElementUtils.hasAnnotation(method, DeleteMapping.class)) {
            return RequestMethod.DELETE;
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        return mapping != null && mapping.method().length > 0 ? mapping.method()[0] : RequestMethod.GET;
    }
}
