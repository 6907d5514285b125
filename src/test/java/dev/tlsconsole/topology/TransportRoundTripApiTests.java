package dev.tlsconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.support.ConsoleTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * Transport strings through the API, property style: random valid transports (fixed seeds, so a
 * failure repeats) are PUT on connections and ports and come back canonical — what you PUT is what
 * you GET — and a catalogue of malformed strings is each refused with the position of the problem.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportRoundTripApiTests {

    private static final String[] NON_TLS_KEYS = {"port", "address", "backup-port", "sip.transport.0", "upgrade"};
    private static final String[] TEXT_VALUES = {"/opt/genesys/certs/cfg-host-1.pem", "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
            "/opt/genesys/certs/a.pem,/opt/genesys/certs/ca.pem", "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256",
            "transport0 tls:any:5061", "2020", "cfg-host-1.example.com"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper mapper;

    TopologyApi api;
    long serverId;
    long connectionId;

    @BeforeAll
    void topology() throws Exception {
        api = new TopologyApi(mvc, jdbc);
        String host = TopologyApi.unique("rt-host");
        api.host(host, "{}");
        String server = TopologyApi.unique("rt-cs");
        serverId = api.secureServer(server, "Configuration Server", host);
        String client = TopologyApi.unique("rt-ss");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\"}");
        connectionId = api.connection(client, server, "default", "tls=1");
    }

    @Test
    void whatIsPutOnAConnectionIsWhatIsGotCanonicalised() throws Exception {
        for (long seed = 1; seed <= 25; seed++) {
            TransportString transport = random(new Random(seed), Level.CONNECTION);
            assertThat(TransportString.parse(transport.render())).as("parse(render(x)) == x, seed " + seed).isEqualTo(transport);
            String entered = transport.render() + (seed % 3 == 0 && !transport.isEmpty() ? ";" : "");
            String current = api.asAdmin(get("/api/v1/connections/" + connectionId)).andReturn().getResponse().getContentAsString();
            Map<String, Object> body = mapper.readValue(current, Map.class);
            body.put("transport", entered);
            api.asAdmin(put("/api/v1/connections/" + connectionId), mapper.writeValueAsString(body))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.transport").value(transport.render()));
            String got = api.asAdmin(get("/api/v1/connections/" + connectionId)).andReturn().getResponse().getContentAsString();
            assertThat(TransportString.parse(JsonPath.read(got, "$.transport"))).as("seed " + seed).isEqualTo(transport);
        }
    }

    @Test
    void whatIsPutOnAPortIsWhatIsGotCanonicalised() throws Exception {
        for (long seed = 100; seed < 120; seed++) {
            TransportString transport = random(new Random(seed), Level.PORT).with("tls", "1");
            String current = api.asAdmin(get("/api/v1/applications/" + serverId)).andReturn().getResponse().getContentAsString();
            Map<String, Object> body = mapper.readValue(current, Map.class);
            List<Map<String, Object>> ports = (List<Map<String, Object>>) body.get("ports");
            ports.get(0).put("transport", transport.render());
            api.asAdmin(put("/api/v1/applications/" + serverId), mapper.writeValueAsString(body))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ports[0].transport").value(transport.render()));
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("tls =1", "position 3: space before '='"),
                Arguments.of("tls= 1", "position 4: space after '='"),
                Arguments.of(" tls=1", "position 0: space at the start"),
                Arguments.of("tls=1 ", "position 5: space at the end"),
                Arguments.of("tls=1 ;port=2020", "position 5: space before ';'"),
                Arguments.of("tls=1; port=2020", "position 6: space after ';'"),
                Arguments.of(";tls=1", "position 0: ';' before any parameter"),
                Arguments.of("tls=1;;port=2020", "position 6: empty parameter (two ';' in a row)"),
                Arguments.of("tls", "position 3: missing '=' after 'tls'"),
                Arguments.of("tls;port=1", "position 3: missing '=' after 'tls'"),
                Arguments.of("=1", "position 0: missing parameter name before '='"),
                Arguments.of("tls=", "position 4: empty value for 'tls'"),
                Arguments.of("tls=1;port=", "position 11: empty value for 'port'"),
                Arguments.of("tls=1;tls=0", "position 6: parameter 'tls' appears twice"),
                Arguments.of("tls=1port=2020", "position 9: second '=' in 'tls'"),
                Arguments.of("tls=1;cert ificate=/a.pem", "position 10: space inside the parameter name 'cert…'"),
                Arguments.of("tls=1\tport=2", "position 5: tab (U+0009) not allowed"),
                Arguments.of("tls=1\nport=2", "position 5: line break (U+000A) not allowed"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedConnectionTransportsAre400WithThePosition(String transport, String problem) throws Exception {
        TopologyApi.Counts before = api.counts();
        String client = TopologyApi.unique("mal");
        String host = JsonPath.read(api.asAdmin(get("/api/v1/applications/" + serverId)).andReturn().getResponse()
                .getContentAsString(), "$.host");
        api.asAdmin(post("/api/v1/applications"), "{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + host + "\"}").andExpect(status().isCreated());
        before = api.counts();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client", client);
        body.put("server", JsonPath.read(api.asAdmin(get("/api/v1/applications/" + serverId)).andReturn().getResponse()
                .getContentAsString(), "$.name"));
        body.put("portId", "default");
        body.put("transport", transport);
        api.asAdmin(post("/api/v1/connections"), mapper.writeValueAsString(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("transport"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("does not parse: " + problem)));
        assertThat(api.counts()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedPortTransportsAre400WithThePosition(String transport, String problem) throws Exception {
        String current = api.asAdmin(get("/api/v1/applications/" + serverId)).andReturn().getResponse().getContentAsString();
        Map<String, Object> body = mapper.readValue(current, Map.class);
        List<Map<String, Object>> ports = new ArrayList<>((List<Map<String, Object>>) body.get("ports"));
        ports.get(0).put("transport", transport);
        body.put("ports", ports);
        TopologyApi.Counts before = api.counts();
        api.asAdmin(put("/api/v1/applications/" + serverId), mapper.writeValueAsString(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ports[0].transport"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(problem)));
        assertThat(api.counts()).isEqualTo(before);
        api.asAdmin(get("/api/v1/applications/" + serverId))
                .andExpect(jsonPath("$.ports[0].transport").value(JsonPath.<String>read(current, "$.ports[0].transport")));
    }

    /** A valid transport for {@code level}: some known options with valid values, some other parameters, in random order. */
    private static TransportString random(Random random, Level level) {
        List<String> keys = new ArrayList<>();
        for (SecurityOption option : SecurityOption.values()) {
            if (option.settableAt(level) && random.nextInt(3) == 0) {
                keys.add(option.key());
            }
        }
        for (String key : NON_TLS_KEYS) {
            if (random.nextInt(4) == 0) {
                keys.add(key);
            }
        }
        java.util.Collections.shuffle(keys, random);
        TransportString transport = TransportString.EMPTY;
        for (String key : keys) {
            transport = transport.with(key, value(random, key));
        }
        return transport;
    }

    private static String value(Random random, String key) {
        List<String> choices = SecurityOption.fromKey(key).map(SecurityOption::validValues).orElse(List.of());
        if (!choices.isEmpty()) {
            return choices.get(random.nextInt(choices.size()));
        }
        return key.equals("tls-target-name") ? "cfg-host-" + random.nextInt(100) + ".example.com"
                : TEXT_VALUES[random.nextInt(TEXT_VALUES.length)];
    }
}
