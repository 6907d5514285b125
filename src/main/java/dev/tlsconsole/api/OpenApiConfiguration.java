package dev.tlsconsole.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document: title, the two ways to authenticate (so Swagger UI's "Authorize" works), the
 * problem+json schema and the shared error responses, collision-free schema names, and the customizer
 * that documents every operation the same way (see {@link ApiOperationCustomizer}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "ProblemDetail";

    @Bean
    OpenAPI consoleOpenApi() {
        return new OpenAPI()
                .info(new Info().title("TLS Topology Console API").version("v1")
                        .description("Hosts, applications, ports and connections of a Genesys topology, their TLS options, "
                                + "effective policies, certificates and the audit trail. Errors are application/problem+json."))
                .servers(List.of(new Server().url("/").description("This console")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token (My account → Personal API tokens)")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    @Bean
    OperationCustomizer consoleOperationCustomizer() {
        return new ApiOperationCustomizer();
    }

    /** Swagger's model resolver with collision-free schema names (springdoc adds ModelConverter beans to its chain). */
    @Bean
    ModelResolver consoleModelResolver() {
        return new ApiModelResolver("dev.tlsconsole");
    }

    static {
        // one named schema per Java enum: generated clients get one type for it (and no broken inline enums in sets)
        ModelResolver.enumsAsRef = true;
        // Jackson 3's tree (the audit entry's before/after) is any JSON value, not a bean
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
                new Schema<>().description("Any JSON value"));
    }

    /** The problem schema and the error responses every operation refers to; schemas and paths in a stable order. */
    @Bean
    OpenApiCustomizer consoleDocumentCustomizer() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas("FieldError", new ObjectSchema().description("One invalid input")
                    .addProperty("field", new StringSchema().description("The field, parameter or part, e.g. changes[0].target.type"))
                    .addProperty("message", new StringSchema())
                    .required(List.of("field", "message")));
            components.addSchemas(PROBLEM, problemSchema());
            components.addResponses("BadRequest", problem("Invalid input: the problem names each field in `errors`"));
            components.addResponses("Unauthorized", problem("No or wrong credentials (HTTP Basic or bearer token)"));
            components.addResponses("Forbidden", problem("The account's role may not do this"));
            components.addResponses("NotFound", problem("No such object"));
            components.addResponses("Conflict", problem(
                    "A duplicate name, an object still in use (the problem says by what), or a stale `version` "
                            + "(the problem carries `currentVersion` and `yourVersion`)"));
            components.addResponses("UnsupportedMediaType", problem("The request body is not of a type this operation reads"));
            namedForms(openApi);
            if (components.getSchemas() != null) {
                components.setSchemas(new TreeMap<>(components.getSchemas()));
            }
            components.setResponses(new TreeMap<>(components.getResponses()));
        };
    }

    /**
     * A multipart body becomes a named schema ({@code <OperationId>Form}): generators name inline bodies
     * inconsistently when an operation reads JSON as well as multipart.
     */
    private static void namedForms(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType multipart = operation.getRequestBody().getContent()
                    .get(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE);
            if (multipart != null && multipart.getSchema() != null && multipart.getSchema().get$ref() == null) {
                String id = operation.getOperationId();
                String name = Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Form";
                openApi.getComponents().addSchemas(name, multipart.getSchema());
                multipart.setSchema(new Schema<>().$ref("#/components/schemas/" + name));
            }
        }));
    }

    private static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("An RFC 9457 problem document; some problems add properties (e.g. the versions of a 409)")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .example("urn:tls-console:problem:invalid-input"))
                .addProperty("title", new StringSchema().example("Invalid input"))
                .addProperty("status", new IntegerSchema().format("int32").example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("Each invalid field (validation problems only)"))
                .addProperty("yourVersion", new IntegerSchema().format("int64")
                        .description("The version a stale write was based on (409 only)"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("The object's version now (409 for a stale write only)"))
                .addProperty("current", new Schema<>().description("The object as it is now (409 for a stale write only)"))
                .addProperty("incident", new StringSchema().description("The id under which an unexpected error was logged"))
                .required(List.of("type", "title", "status"));
        return schema;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

}
