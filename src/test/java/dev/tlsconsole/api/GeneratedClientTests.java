package dev.tlsconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.tlsconsole.client.ApiClient;
import dev.tlsconsole.client.ApiException;
import dev.tlsconsole.client.ApiResponse;
import dev.tlsconsole.client.api.EffectivePolicyApi;
import dev.tlsconsole.client.api.TopologyApi;
import dev.tlsconsole.client.model.ApplicationBody;
import dev.tlsconsole.client.model.ApplicationView;
import dev.tlsconsole.client.model.ConnectionBody;
import dev.tlsconsole.client.model.ConnectionView;
import dev.tlsconsole.client.model.EffectivePolicy;
import dev.tlsconsole.client.model.EffectivePolicyPreview;
import dev.tlsconsole.client.model.HostBody;
import dev.tlsconsole.client.model.HostView;
import dev.tlsconsole.client.model.PortSpec;
import dev.tlsconsole.client.model.PreviewBody;
import dev.tlsconsole.client.model.PreviewChangeBody;
import dev.tlsconsole.client.model.PreviewTarget;
import dev.tlsconsole.client.model.ProblemDetail;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleHttps;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/**
 * The console driven the way another tool drives it: through a Java client that the build generates from the
 * committed OpenAPI document (openapi-generator, {@code native} library), over real HTTPS, trusting the console's
 * own certificate. No hand-written request, no workaround: if a call needs one, the document is wrong.
 */
@ConsoleTest
class GeneratedClientTests {

    @LocalServerPort
    int port;
    @Value("${console.tls.certificate}")
    String certificateFile;
    @Autowired
    TestAccounts accounts;

    ApiClient admin;
    TopologyApi topology;
    EffectivePolicyApi policies;

    @BeforeEach
    void client() {
        admin = client("admin", ConsoleTest.ADMIN_PASSWORD);
        topology = new TopologyApi(admin);
        policies = new EffectivePolicyApi(admin);
    }

    @Test
    void aToolBuildsATopologyReadsItsPolicyPreviewsAChangeAndCleansUp() throws ApiException {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        ApiResponse<HostView> created = topology.createHostWithHttpInfo(new HostBody().name("gen-cfg-" + suffix)
                .ipAddress("10.13.0." + (System.nanoTime() % 200 + 1)).osType(HostBody.OsTypeEnum.UNIX)
                .securityPackVersion("8.5.1").security(Map.of("sec-protocol", "TLSv12")));
        assertThat(created.getStatusCode()).isEqualTo(201);
        HostView host = created.getData();
        assertThat(created.getHeaders().get("location")).singleElement()
                .satisfies(location -> assertThat(location).endsWith("/api/v1/hosts/" + host.getId()));
        assertThat(topology.getHost(host.getId()).getName()).isEqualTo(host.getName());

        ApplicationView server = topology.createApplication(new ApplicationBody().name("gen-confserv-" + suffix)
                .componentType("Configuration Server").componentVersion("8.5.1").host(host.getName())
                .security(Map.of()).ports(List.of(new PortSpec().portId("default").number(2020)
                        .listeningMode(PortSpec.ListeningModeEnum.SECURE)
                        .transport("tls=1;certificate=/opt/certs/cfg.pem;certificate-key=/opt/certs/cfg.key;trusted-ca=/opt/certs/ca.pem"))));
        ApplicationView client = topology.createApplication(new ApplicationBody().name("gen-statserv-" + suffix)
                .componentType("Stat Server").componentVersion("8.5.1").host(host.getName()).security(Map.of())
                .ports(List.of()));
        ConnectionView connection = topology.createConnection(new ConnectionBody().client(client.getName())
                .server(server.getName()).portId("default").transport("tls=1"));
        assertThat(connection.getId()).isNotNull();

        EffectivePolicy policy = policies.getEffectivePolicy(connection.getId());
        assertThat(policy.getConnectionId()).isEqualTo(connection.getId());
        assertThat(policy.getServer().getApplication()).isEqualTo(server.getName());
        assertThat(policy.getMode()).isNotEqualTo(EffectivePolicy.ModeEnum.PLAINTEXT);
        assertThat(policy.getServerSide()).containsKey("tls-mutual");

        EffectivePolicyPreview preview = policies.previewChanges(new PreviewBody().changes(List.of(new PreviewChangeBody()
                .target(new PreviewTarget().type(PreviewTarget.TypeEnum.PORT).name(server.getName()).portId("default"))
                .set(Map.of("tls-mutual", "1")))));
        assertThat(preview.getImpacted()).isGreaterThanOrEqualTo(1);
        assertThat(preview.getChanged()).anySatisfy(change -> {
            assertThat(change.getConnectionId()).isEqualTo(connection.getId());
            assertThat(change.getAfter()).isNotEqualTo(change.getBefore());
        });
        assertThat(policies.getEffectivePolicy(connection.getId()).getMode())
                .as("a preview saves nothing").isEqualTo(policy.getMode());

        assertThat(topology.deleteConnectionWithHttpInfo(connection.getId()).getStatusCode()).isEqualTo(204);
        topology.deleteApplication(client.getId(), false);
        topology.deleteApplication(server.getId(), false);
        topology.deleteHost(host.getId(), false);
        assertThat(problem(catchThrowableOfType(ApiException.class, () -> topology.getHost(host.getId()))).getStatus())
                .isEqualTo(404);
    }

    @Test
    void refusalsArriveAsTypedProblems() throws ApiException {
        ProblemDetail invalid = problem(catchThrowableOfType(ApiException.class,
                () -> topology.createHost(new HostBody().name("").ipAddress("not an address").osType(HostBody.OsTypeEnum.UNIX))));
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getErrors()).isNotEmpty();
        assertThat(invalid.getErrors().get(0).getField()).isNotBlank();

        ProblemDetail missing = problem(catchThrowableOfType(ApiException.class, () -> topology.getHost(987_654_321L)));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getTitle()).isEqualTo("Not Found");

        HostView host = topology.createHost(new HostBody().name("gen-stale-" + System.nanoTime() % 1_000_000)
                .ipAddress("10.13.1." + (System.nanoTime() % 200 + 1)).osType(HostBody.OsTypeEnum.WINDOWS));
        HostView renamed = topology.updateHost(host.getId(), new HostBody().name(host.getName() + "-a")
                .ipAddress(host.getIpAddress()).osType(HostBody.OsTypeEnum.WINDOWS).version(host.getVersion()));
        assertThat(renamed.getVersion()).isGreaterThan(host.getVersion());
        ProblemDetail stale = problem(catchThrowableOfType(ApiException.class, () -> topology.updateHost(host.getId(),
                new HostBody().name(host.getName() + "-b").ipAddress(host.getIpAddress())
                        .osType(HostBody.OsTypeEnum.WINDOWS).version(host.getVersion()))));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getYourVersion()).isEqualTo(host.getVersion());
        assertThat(stale.getCurrentVersion()).isEqualTo(renamed.getVersion());

        var auditor = accounts.create("gen-auditor", Role.AUDITOR);
        TopologyApi readOnly = new TopologyApi(client(auditor.username(), TestAccounts.PASSWORD));
        assertThat(readOnly.getHost(host.getId()).getName()).isEqualTo(renamed.getName());
        ProblemDetail forbidden = problem(catchThrowableOfType(ApiException.class, () -> readOnly.createHost(
                new HostBody().name("gen-denied").ipAddress("10.13.2.1").osType(HostBody.OsTypeEnum.UNIX))));
        assertThat(forbidden.getStatus()).isEqualTo(403);
        topology.deleteHost(host.getId(), false);
    }

    private ProblemDetail problem(ApiException e) {
        assertThat(e).as("the call was refused").isNotNull();
        assertThat(e.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        try {
            ProblemDetail problem = admin.getObjectMapper().readValue(e.getResponseBody(), ProblemDetail.class);
            assertThat(problem.getStatus()).isEqualTo(e.getCode());
            return problem;
        } catch (JsonProcessingException parse) {
            throw new AssertionError("not a problem document: " + e.getResponseBody(), parse);
        }
    }

    private ApiClient client(String username, String password) {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(HttpClient.newBuilder()
                .sslContext(ConsoleHttps.trusting(Path.of(certificateFile))));
        client.updateBaseUri("https://localhost:" + port);
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return client;
    }
}
