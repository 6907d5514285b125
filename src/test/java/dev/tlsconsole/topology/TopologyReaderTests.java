package dev.tlsconsole.topology;

import dev.tlsconsole.policy.snapshot.ListeningMode;

import dev.tlsconsole.policy.snapshot.OsType;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyReader.ApplicationRow;
import dev.tlsconsole.topology.TopologyReader.ConnectionRow;
import dev.tlsconsole.topology.TopologyReader.HostRow;
import dev.tlsconsole.topology.TopologyReader.PortRow;
import dev.tlsconsole.topology.TopologyReader.Rows;

/** The bulk rows the policy engine's snapshot is built from: complete, linked by id, as stored. */
@ConsoleTest
class TopologyReaderTests {

    @Autowired
    TopologyReader reader;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTableComesBackAsPlainRowsThatLinkUp() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        String host = TopologyApi.unique("rd-host");
        long hostId = api.host(host, "{\"sec-protocol\":\"TLSv12\",\"certificate\":\"/opt/genesys/certs/rd.pem\"}");
        String server = TopologyApi.unique("rd-cs");
        long serverId = api.secureServer(server, "Configuration Server", host);
        String client = TopologyApi.unique("rd-ss");
        long clientId = api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5\","
                + "\"host\":\"" + host + "\",\"security\":{\"tls\":\"1\"}}");
        long connectionId = api.connection(client, server, "default", "tls=1;client-auth=0");

        Rows rows = reader.readAll();

        HostRow hostRow = rows.hosts().stream().filter(h -> h.id() == hostId).findFirst().orElseThrow();
        assertThat(hostRow).isEqualTo(new HostRow(hostId, host, hostRow.ipAddress(), OsType.UNIX, "8.5.1", 0));
        assertThat(rows.hostOptions()).filteredOn(o -> o.ownerId() == hostId).extracting(o -> o.key() + "=" + o.value())
                .containsExactlyInAnyOrder("sec-protocol=TLSv12", "certificate=/opt/genesys/certs/rd.pem");
        ApplicationRow clientRow = rows.applications().stream().filter(a -> a.id() == clientId).findFirst().orElseThrow();
        assertThat(clientRow).isEqualTo(new ApplicationRow(clientId, client, "Stat Server", "8.5", hostId, null, 0));
        assertThat(rows.applicationOptions()).filteredOn(o -> o.ownerId() == clientId).extracting(o -> o.key() + "=" + o.value())
                .containsExactly("tls=1");
        PortRow port = rows.ports().stream().filter(p -> p.applicationId() == serverId).findFirst().orElseThrow();
        assertThat(port.portId()).isEqualTo("default");
        assertThat(port.listeningMode()).isEqualTo(ListeningMode.SECURE);
        assertThat(TransportString.parse(port.transport()).get("tls")).contains("1");
        ConnectionRow connection = rows.connections().stream().filter(c -> c.id() == connectionId).findFirst().orElseThrow();
        assertThat(connection).isEqualTo(new ConnectionRow(connectionId, clientId, serverId, port.id(), "default",
                "tls=1;client-auth=0", 0));
    }

    @Test
    void theRowsCountWhatTheTablesHold() {
        Rows rows = reader.readAll();
        assertThat(rows.hosts()).hasSize(count("host"));
        assertThat(rows.hostOptions()).hasSize(count("host_option"));
        assertThat(rows.applications()).hasSize(count("application"));
        assertThat(rows.applicationOptions()).hasSize(count("application_option"));
        assertThat(rows.ports()).hasSize(count("listening_port"));
        assertThat(rows.connections()).hasSize(count("connection"));
        List<Long> applicationIds = rows.applications().stream().map(ApplicationRow::id).toList();
        assertThat(rows.connections()).allMatch(c -> applicationIds.contains(c.clientId()) && applicationIds.contains(c.serverId()));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
