package dev.tlsconsole.resolution;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.topology.TopologyApi;

/**
 * A small topology made through the topology API, with one connection of each kind the tests need:
 * simple TLS (grade A or B), plaintext (grade "-") and a client asking for TLS of a plain port (grade F).
 * Names are unique per instance, because the database is shared by every test class.
 */
final class PolicyTopology {

    final TopologyApi api;
    final String clientHost = TopologyApi.unique("eff-chost");
    final String serverHost = TopologyApi.unique("eff-shost");
    final String confserv = TopologyApi.unique("eff-confserv");
    final String statserv = TopologyApi.unique("eff-statserv");
    final String router = TopologyApi.unique("eff-router");
    final long clientHostId;
    final long serverHostId;
    final long confservId;
    final long statservId;
    final long routerId;
    /** statserv → confserv:default, secure port with a complete certificate block, client tls=1 */
    final long secure;
    /** router → confserv:plain, nobody asks for TLS */
    final long plain;
    /** statserv → confserv:plain with tls=1: TLS_NOT_ON_PORT */
    final long failing;

    PolicyTopology(MockMvc mvc, JdbcTemplate jdbc) throws Exception {
        api = new TopologyApi(mvc, jdbc);
        clientHostId = api.host(clientHost, "{}");
        serverHostId = api.host(serverHost, "{\"tls-target-name-check\":\"no\"}");
        confservId = api.application("{\"name\":\"" + confserv + "\",\"componentType\":\"Configuration Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + serverHost + "\",\"security\":{\"sec-protocol\":\"TLSv12\"},"
                + "\"ports\":[{\"portId\":\"default\",\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":"
                + "\"tls=1;certificate=/opt/certs/s.pem;certificate-key=/opt/certs/s.key;trusted-ca=/opt/certs/ca.pem\"},"
                + "{\"portId\":\"plain\",\"number\":2021,\"listeningMode\":\"UNSECURED\",\"transport\":\"\"}]}");
        statservId = api.application("{\"name\":\"" + statserv + "\",\"componentType\":\"Stat Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + clientHost + "\",\"security\":{\"certificate\":"
                + "\"/opt/certs/c.pem\",\"certificate-key\":\"/opt/certs/c.key\",\"trusted-ca\":\"/opt/certs/ca.pem\"},\"ports\":[]}");
        routerId = api.application("{\"name\":\"" + router + "\",\"componentType\":\"Stat Server\","
                + "\"componentVersion\":\"8.5.1\",\"host\":\"" + clientHost + "\",\"security\":{},\"ports\":[]}");
        secure = api.connection(statserv, confserv, "default", "tls=1");
        plain = api.connection(router, confserv, "plain", "");
        failing = api.connection(statserv, confserv, "plain", "tls=1");
    }
}
