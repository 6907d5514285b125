package dev.tlsconsole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The committed OpenAPI document passes a third-party validator (swagger-parser, the parser openapi-generator
 * itself uses) without a single message, and every {@code $ref} in it resolves. No Spring context needed.
 */
class OpenApiLintTests {

    @Test
    void swaggerParserReportsNoErrors() throws IOException {
        String document = Files.readString(OpenApiDocumentTests.COMMITTED, StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        assertThat(result.getMessages()).as("swagger-parser validation messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKey("ProblemDetail");
    }
}
