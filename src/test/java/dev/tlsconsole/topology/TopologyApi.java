package dev.tlsconsole.topology;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import com.jayway.jsonpath.JsonPath;


/**
 * Drives the topology API as an administrator would: unique names per call (the database is shared by
 * every test class), JSON built as text, and the row counts a rejected request must leave unchanged.
 */
public final class TopologyApi {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final RequestPostProcessor ADMIN = SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN");

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;

    public TopologyApi(MockMvc mvc, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** A name no other test uses: {@code prefix-<n>}, valid as a host name and an application name. */
    public static String unique(String prefix) {
        return prefix + "-" + (System.nanoTime() % 100_000) + "-" + SEQUENCE.incrementAndGet();
    }

    /** A private IPv4 address no other call of this run returns. */
    public static String uniqueIp() {
        int n = SEQUENCE.incrementAndGet();
        return "10." + (n / 65_536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    /**
     * As the administrator, authenticated by the test framework rather than by password: a password
     * check costs a BCrypt round on every request, and sign-in is proven by the security tests.
     */
    public ResultActions asAdmin(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(ADMIN));
    }

    public ResultActions as(String user, String password, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** Creates a UNIX host (Security Pack 8.5.1) with the given annex options JSON; returns its id. */
    public long host(String name, String securityJson) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"ipAddress\":\"" + uniqueIp()
                + "\",\"osType\":\"UNIX\",\"securityPackVersion\":\"8.5.1\",\"security\":" + securityJson + "}";
        return id(asAdmin(MockMvcRequestBuilders.post("/api/v1/hosts"), body).andReturn().getResponse().getContentAsString());
    }

    /** Creates an application from a full JSON body; returns its id. */
    public long application(String json) throws Exception {
        return id(asAdmin(MockMvcRequestBuilders.post("/api/v1/applications"), json).andReturn().getResponse()
                .getContentAsString());
    }

    /** Creates an application of {@code type} on {@code host} with one secure port {@code default}. */
    public long secureServer(String name, String type, String host) throws Exception {
        return application("{\"name\":\"" + name + "\",\"componentType\":\"" + type + "\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + host + "\",\"security\":{},\"ports\":[{\"portId\":\"default\",\"number\":2020,"
                + "\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;certificate=/opt/genesys/certs/" + host + ".pem\"}]}");
    }

    /** Creates a connection; returns its id. */
    public long connection(String client, String server, String portId, String transport) throws Exception {
        String body = "{\"client\":\"" + client + "\",\"server\":\"" + server + "\",\"portId\":\"" + portId
                + "\",\"transport\":\"" + transport + "\"}";
        return id(asAdmin(MockMvcRequestBuilders.post("/api/v1/connections"), body).andReturn().getResponse()
                .getContentAsString());
    }

    /** Rows of the topology tables and of the audit trail, to prove that a refused request wrote nothing. */
    public Counts counts() {
        return new Counts(count("host"), count("host_option"), count("application"), count("application_option"),
                count("listening_port"), count("connection"));
    }

    public long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static long id(String json) {
        Object id = JsonPath.read(json, "$.id");
        if (id == null) {
            throw new IllegalStateException("no id in " + json);
        }
        return ((Number) id).longValue();
    }

    /** Row counts of every topology table. */
    public record Counts(long hosts, long hostOptions, long applications, long applicationOptions, long ports,
            long connections) {
    }
}
