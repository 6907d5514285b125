package dev.tlsconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives every operation of the served OpenAPI document with malformed input generated from the document
 * itself — path and query parameters of the wrong shape, broken and mistyped bodies, oversized and binary
 * text, wrong content types and an unacceptable {@code Accept} — so a new endpoint is covered without
 * touching this test. Every answer must be below 500, every error answer a JSON problem document, and an
 * answer that refused the request must have changed no row of the main tables.
 */
@ConsoleTest
class OpenApiHostileInputTests {

    private static final String[] TABLES = {"user_account", "api_token", "host", "host_option", "application",
        "application_option", "listening_port", "connection", "certificate", "certificate_authority", "crl",
        "certificate_deployment"};
    /** An id no test creates: operations on it must be refused without touching anything. */
    private static final String ABSENT_ID = "987654321";
    /**
     * One value per class of malformed path value: negative, padded, another base, fractional, overflowing,
     * text (an injection), NUL, a bidi control, a boolean. Spread over the path parameters of an operation.
     */
    private static final String[] BAD_PATH_VALUES = {"-1", "%201", "0x10", "1.5", "99999999999999999999999",
        "%27%20OR%201%3D1--", "%00", "%E2%80%AE1", "true"};
    private static final String[] BAD_QUERY_VALUES = {"", "-1", "yes", "(select 1)", "name,x", "%00",
        "x".repeat(5000), "1e309", "[]"};
    /** Paging numbers get the numeric classes; {@code sort} and every other query parameter get them all. */
    private static final String[] BAD_PAGING_VALUES = {"", "-1", "yes", "1e309", "99999999999"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestAccounts accounts;

    private record Operation(HttpMethod method, String path, JsonNode spec) {
    }

    private record Case(String description, MockHttpServletRequestBuilder request) {
    }

    @Test
    void everyOperationSurvivesMalformedInput() throws Exception {
        JsonNode document = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")
                .with(user("admin").roles("ADMIN"))).andReturn().getResponse().getContentAsString());
        List<Operation> operations = operations(document);
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(20);

        // an administrator of its own: the self-service operations (a wrong current password counts toward
        // the lockout) must not lock the account other tests sign in with
        String attacker = accounts.create("fuzz", Role.ADMIN).username();
        SoftAssertions softly = new SoftAssertions();
        int requests = 0;
        for (Operation operation : operations) {
            List<Case> cases = cases(document, operation);
            softly.assertThat(cases).as(operation.method() + " " + operation.path()).hasSizeGreaterThanOrEqualTo(20);
            // the rows are counted once per operation: none of its cases may change one; when they changed and
            // the console accepted a write of this operation, each refused case of it is checked on its own
            Map<String, Integer> before = rowCounts();
            boolean acceptedWrite = false;
            for (Case hostile : cases) {
                int status = send(operation, hostile, attacker, softly);
                requests++;
                acceptedWrite |= status < 400 && operation.method() != HttpMethod.GET;
            }
            Map<String, Integer> after = rowCounts();
            if (!acceptedWrite || after.equals(before)) {
                softly.assertThat(after).as("rows after the refused cases of " + operation.method() + " "
                        + operation.path()).isEqualTo(before);
                continue;
            }
            for (Case hostile : cases(document, operation)) {
                Map<String, Integer> beforeCase = rowCounts();
                if (send(operation, hostile, attacker, softly) >= 400) {
                    softly.assertThat(rowCounts()).as("rows after " + operation.method() + " " + operation.path() + " — "
                            + hostile.description()).isEqualTo(beforeCase);
                }
            }
        }
        assertThat(requests).isGreaterThanOrEqualTo(20 * operations.size());
        softly.assertAll();
    }

    /** Sends one case and checks its answer: below 500, and an error answer is a JSON problem document. */
    private int send(Operation operation, Case hostile, String attacker, SoftAssertions softly) throws Exception {
        MockHttpServletResponse answer = mvc.perform(hostile.request().with(user(attacker).roles("ADMIN")))
                .andReturn().getResponse();
        String what = operation.method() + " " + operation.path() + " — " + hostile.description()
                + " → " + answer.getStatus() + " " + abbreviate(answer.getContentAsString());
        softly.assertThat(answer.getStatus()).as(what).isLessThan(500);
        if (answer.getStatus() >= 400) {
            softly.assertThat(answer.getContentType()).as(what).isNotNull()
                    .matches("application/(problem\\+)?json.*");
        }
        return answer.getStatus();
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(HttpMethod.valueOf(method.getKey().toUpperCase()), path.getKey(),
                            method.getValue()));
                }
            }
        }
        return operations;
    }

    private List<Case> cases(JsonNode document, Operation operation) {
        List<Case> cases = new ArrayList<>();
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            String in = parameter.path("in").asString();
            if ("path".equals(in)) {
                pathParameters.add(parameter.path("name").asString());
            } else if ("query".equals(in)) {
                queryParameters.add(parameter.path("name").asString());
            }
        }
        String path = withPathValues(operation.path(), name -> ABSENT_ID);
        // path parameters of the wrong shape: every class once per operation, each parameter at least once
        for (int i = 0; !pathParameters.isEmpty() && (i < BAD_PATH_VALUES.length || i < pathParameters.size()); i++) {
            String name = pathParameters.get(i % pathParameters.size());
            String bad = BAD_PATH_VALUES[i % BAD_PATH_VALUES.length];
            cases.add(new Case("path " + name + "=" + bad, jsonRequest(operation.method(),
                    withPathValues(operation.path(), other -> other.equals(name) ? bad : ABSENT_ID), "{}")));
        }
        // query parameters of the wrong shape (a list's Pageable is documented as one parameter: page, size, sort)
        List<String> queryNames = new ArrayList<>();
        for (String name : queryParameters) {
            queryNames.addAll("pageable".equals(name) ? List.of("page", "size", "sort") : List.of(name));
        }
        for (String name : queryNames) {
            for (String bad : List.of("page", "size").contains(name) ? BAD_PAGING_VALUES : BAD_QUERY_VALUES) {
                cases.add(new Case("query " + name + "=" + abbreviate(bad), jsonRequest(operation.method(),
                        path + "?" + name + "=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), "{}")));
            }
        }
        // broken and mistyped bodies
        JsonNode schema = requestSchema(document, operation.spec());
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "null", "42", "\"text\"", "{\"a\":1,\"a\":2}",
                "[".repeat(3000) + "]".repeat(3000), "{\"unknownField\":true}", "\u0000", "{\"x\":\"\\ud800\"}",
                "{\"x\":\"" + "y".repeat(20_000) + "\"}"));
        bodies.addAll(mistypedBodies(schema));
        for (String body : bodies) {
            cases.add(new Case("body " + abbreviate(body), jsonRequest(operation.method(), path, body)));
        }
        // wrong content types and an answer type the console cannot give
        for (String contentType : new String[] {"*/*", "application/*", "text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "nonsense"}) {
            cases.add(new Case("Content-Type " + contentType, MockMvcRequestBuilders.request(operation.method(), URI.create(path))
                    .header("Content-Type", contentType).content("{}")));
        }
        cases.add(new Case("Accept application/xml", jsonRequest(operation.method(), path, "{}")
                .header("Accept", "application/xml")));
        return cases;
    }

    /** Bodies with every property of the request schema set to a value of the wrong kind or size. */
    private List<String> mistypedBodies(JsonNode schema) {
        if (schema == null || !schema.has("properties")) {
            return List.of();
        }
        List<String> bodies = new ArrayList<>();
        Object[][] replacements = {{false}, {8.10}, {"x".repeat(300)}, {"a\u0000b"}, {List.of()}, {Map.of("k", "v")},
            {-1}, {"x".repeat(10_000)}};
        for (Object[] replacement : replacements) {
            ObjectNode body = json.createObjectNode();
            for (Iterator<String> names = schema.get("properties").propertyNames().iterator(); names.hasNext();) {
                body.set(names.next(), json.valueToTree(replacement[0]));
            }
            bodies.add(json.writeValueAsString(body));
        }
        return bodies;
    }

    private static JsonNode requestSchema(JsonNode document, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode schema = content.path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }

    private static MockHttpServletRequestBuilder jsonRequest(HttpMethod method, String path, String body) {
        return MockMvcRequestBuilders.request(method, URI.create(path)).contentType("application/json").content(body);
    }

    private static String withPathValues(String template, java.util.function.UnaryOperator<String> value) {
        Matcher variable = Pattern.compile("\\{([^}/]+)}").matcher(template);
        return variable.replaceAll(match -> Matcher.quoteReplacement(value.apply(match.group(1))));
    }

    /** The row count of every main table, in one query. */
    private Map<String, Integer> rowCounts() {
        String query = "select " + String.join(", ", java.util.Arrays.stream(TABLES)
                .map(table -> "(select count(*) from " + table + ")").toList());
        return jdbc.query(query, rows -> {
            rows.next();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < TABLES.length; i++) {
                counts.put(TABLES[i], rows.getInt(i + 1));
            }
            return counts;
        });
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }
}
