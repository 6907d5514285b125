package dev.tlsconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleHttps;
import dev.tlsconsole.support.ConsoleTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as a tool fetches it (real HTTPS, HTTP Basic, a bearer token or a browser session)
 * is the committed {@code src/test/resources/openapi.yaml}, and keeps the promises of the contract.
 * After an intended API change, regenerate the committed file with
 * {@code ./mvnw -B test -Dtest=OpenApiDocumentTests -Dopenapi.write=true} and review the diff.
 */
@ConsoleTest
class OpenApiDocumentTests {

    static final Path COMMITTED = Path.of("src/test/resources/openapi.yaml");
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ConsoleTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Value("${console.tls.certificate}")
    String certificateFile;

    @Autowired
    MockMvc mvc;

    ConsoleHttps https;
    JsonNode document;

    @BeforeEach
    void fetch() {
        https = new ConsoleHttps(port, certificateFile);
        HttpResponse<String> json = https.get("/v3/api-docs", "Authorization", BASIC);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        document = JsonMapper.builder().build().readTree(json.body());
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        HttpResponse<String> yaml = https.get("/v3/api-docs.yaml", "Authorization", BASIC);
        assertThat(yaml.statusCode()).isEqualTo(200);
        String served = yaml.body().replace("\r\n", "\n");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        // for `diff src/test/resources/openapi.yaml target/openapi-served.yaml` when this test fails
        Files.writeString(Path.of("target/openapi-served.yaml"), served, StandardCharsets.UTF_8);
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("the API changed: review it, then regenerate %s with -Dopenapi.write=true", COMMITTED)
                .isEqualTo(served);
    }

    @Test
    void aBearerTokenAndABrowserSessionGetTheDocumentTooButNobodyElse() {
        HttpResponse<String> token = https.send(HttpRequest.newBuilder(https.uri("/api/v1/users/me/tokens"))
                .header("Authorization", BASIC).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"openapi-fetch\", \"expiresInDays\": 1}")).build());
        assertThat(token.statusCode()).isEqualTo(201);
        String secret = JsonMapper.builder().build().readTree(token.body()).get("token").asString();
        HttpResponse<String> withToken = new ConsoleHttps(port, certificateFile)
                .get("/v3/api-docs.yaml", "Authorization", "Bearer " + secret);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).startsWith("openapi: 3.0");

        ConsoleHttps browser = new ConsoleHttps(port, certificateFile);
        signIn(browser);
        HttpResponse<String> inSession = browser.get("/v3/api-docs", "Accept", "application/json");
        assertThat(inSession.statusCode()).isEqualTo(200);
        assertThat(inSession.body()).contains("\"openapi\":\"3.0");

        HttpResponse<String> anonymous = new ConsoleHttps(port, certificateFile).get("/v3/api-docs");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> wrong = new ConsoleHttps(port, certificateFile).get("/v3/api-docs",
                "Authorization", "Bearer not-a-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void everyOperationHasAUniqueMeaningfulIdASummaryATagAndAProblemForItsErrors() {
        Set<String> ids = new HashSet<>();
        List<String> failures = new ArrayList<>();
        forEachOperation((label, operation) -> {
            String id = operation.path("operationId").asString("");
            if (id.isEmpty() || !ids.add(id) || id.matches(".*_\\d+$")) {
                failures.add(label + ": operationId '" + id + "' missing, duplicate or numbered");
            }
            if (operation.path("summary").asString("").isBlank()) {
                failures.add(label + ": no summary");
            }
            if (operation.path("tags").size() != 1) {
                failures.add(label + ": not exactly one tag");
            }
            boolean problem = false;
            for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                if (response.getKey().startsWith("4")
                        && resolve(response.getValue()).path("content").has("application/problem+json")) {
                    problem = true;
                }
                if (resolve(response.getValue()).path("content").has("*/*")) {
                    failures.add(label + " " + response.getKey() + ": media type */*");
                }
            }
            if (!problem) {
                failures.add(label + ": no 4xx documented as application/problem+json");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("name").asString().equals("pageable")) {
                    failures.add(label + ": a 'pageable' object parameter instead of page, size and sort");
                }
                if (parameter.path("in").asString().equals("query")
                        && parameter.path("name").asString().toLowerCase().contains("password")) {
                    failures.add(label + ": a password in the query string");
                }
            }
        });
        assertThat(failures).isEmpty();
        assertThat(ids).contains("listHosts", "createHost", "getEffectivePolicy", "previewChanges");
    }

    @Test
    void createsDocument201WithLocationAndDeletes204() {
        Set<String> creates = Set.of("createHost", "createApplication", "createConnection", "createUser", "createAuthority",
                "createMyToken", "importCertificate", "importCrl", "issueCertificate", "signCertificateRequest");
        Set<String> seen = new HashSet<>();
        List<String> failures = new ArrayList<>();
        forEachOperation((label, operation) -> {
            String id = operation.path("operationId").asString();
            JsonNode responses = operation.path("responses");
            if (creates.contains(id) || label.startsWith("post ") && id.startsWith("create")) {
                seen.add(id);
                if (!responses.has("201") || !responses.path("201").path("headers").has("Location")
                        || responses.has("200") || !responses.path("201").path("content").has("application/json")) {
                    failures.add(label + " (" + id + "): a create must document 201 + Location + its JSON body, and no 200");
                }
            }
            if (label.startsWith("delete ") && (!responses.has("204") || responses.has("200"))) {
                failures.add(label + ": a delete must document 204");
            }
        });
        assertThat(failures).isEmpty();
        assertThat(seen).containsAll(creates);
    }

    @Test
    void theContractsBodiesAreTheirOwnClasses() {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode preview = requestSchema("/api/v1/preview", "post");
        assertThat(property(preview, "changes").path("items").path("$ref").asString()).endsWith("PreviewChangeBody");
        JsonNode change = schemas.path("PreviewChangeBody");
        assertThat(change.path("properties").has("target")).isTrue();
        assertThat(change.path("properties").has("set")).isTrue();
        assertThat(schemas.path("PreviewTarget").path("properties").path("type").path("enum"))
                .extracting(JsonNode::asString).contains("HOST", "APPLICATION", "PORT", "CONNECTION");
        JsonNode summaries = responseSchema("/api/v1/effective-policies", "get");
        JsonNode item = schemas.path(lastSegment(property(summaries, "items").path("items").path("$ref").asString()));
        assertThat(item.path("properties").has("connectionId")).isTrue();
        assertThat(item.path("properties").has("client")).isTrue();
        assertThat(schemas.path("ProblemDetail").path("properties").has("errors")).isTrue();
        assertThat(schemas.has("Problem")).as("the validator's {code, message} is not called Problem").isFalse();
    }

    @Test
    void aPasswordInTheQueryStringIsRefusedBeforeAnythingIsRead() throws Exception {
        mvc.perform(multipart("/api/v1/certificates?password=in-the-url")
                        .file(new MockMultipartFile("file", "x.p12", "application/x-pkcs12", new byte[] {1, 2, 3}))
                        .with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    // --- helpers

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                check.accept(operation.getKey() + " " + path.getKey(), operation.getValue());
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        String[] parts = node.get("$ref").asString().substring(2).split("/");
        JsonNode target = document;
        for (String part : parts) {
            target = target.path(part);
        }
        return target;
    }

    private JsonNode requestSchema(String path, String method) {
        return resolve(document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema"));
    }

    private JsonNode responseSchema(String path, String method) {
        return resolve(document.path("paths").path(path).path(method).path("responses").path("200").path("content")
                .path("application/json").path("schema"));
    }

    private JsonNode property(JsonNode schema, String name) {
        return resolve(schema).path("properties").path(name);
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static void signIn(ConsoleHttps browser) {
        HttpResponse<String> login = browser.get("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + ConsoleTest.ADMIN_PASSWORD + "&_csrf=" + csrf.group(1);
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(browser.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/"));
    }
}
