package dev.tlsconsole.topology;

import dev.tlsconsole.policy.snapshot.ListeningMode;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The neighbourhood of one object across the topology's tables — what runs on a host, which
 * connections reach an application or a port, which applications name it as backup — read with
 * one query each, and the deletes a confirmed cascade performs. It works on tables, not entities, so
 * the object packages can ask about each other without depending on each other.
 */
@Component
public class TopologyQueries {

    private static final String CONNECTION_SELECT = """
            select c.id, c.client_id, cl.name as client_name, ch.name as client_host,
                   p.application_id as server_id, sv.name as server_name, sh.name as server_host,
                   p.id as port_row_id, p.port_id, p.port_number, p.listening_mode, c.transport, c.version
            from connection c
            join application cl on cl.id = c.client_id
            join host ch on ch.id = cl.host_id
            join listening_port p on p.id = c.server_port_id
            join application sv on sv.id = p.application_id
            join host sh on sh.id = sv.host_id
            """;

    private static final RowMapper<ConnectionLine> CONNECTION_LINE = (rs, i) -> new ConnectionLine(rs.getLong("id"),
            rs.getLong("client_id"), rs.getString("client_name"), rs.getString("client_host"), rs.getLong("server_id"),
            rs.getString("server_name"), rs.getString("server_host"), rs.getLong("port_row_id"), rs.getString("port_id"),
            rs.getInt("port_number"), ListeningMode.valueOf(rs.getString("listening_mode")), rs.getString("transport"),
            rs.getLong("version"));

    private final NamedParameterJdbcTemplate jdbc;

    TopologyQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The applications running on a host, by name. */
    public List<ApplicationLine> applicationsOnHost(long hostId) {
        return jdbc.query("""
                select a.id, a.name, a.component_type, a.component_version,
                       (select count(*) from listening_port p where p.application_id = a.id) as ports,
                       (select count(*) from listening_port p where p.application_id = a.id
                                                              and p.listening_mode <> 'UNSECURED') as secure_ports
                from application a where a.host_id = :id order by a.name_key
                """, new MapSqlParameterSource("id", hostId),
                (rs, i) -> new ApplicationLine(rs.getLong("id"), rs.getString("name"), rs.getString("component_type"),
                        rs.getString("component_version"), rs.getInt("ports"), rs.getInt("secure_ports")));
    }

    /** Every connection from or to an application (outgoing ones have it as client). */
    public List<ConnectionLine> connectionsOf(long applicationId) {
        return jdbc.query(CONNECTION_SELECT + " where c.client_id = :id or p.application_id = :id order by cl.name_key, sv.name_key, p.port_id",
                new MapSqlParameterSource("id", applicationId), CONNECTION_LINE);
    }

    /** Every connection of any of these applications (as client or server). */
    public List<ConnectionLine> connectionsOfAny(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(CONNECTION_SELECT + " where c.client_id in (:ids) or p.application_id in (:ids) order by c.id",
                new MapSqlParameterSource("ids", applicationIds), CONNECTION_LINE);
    }

    /** The connections that target one listening port (by the port's row id). */
    public List<ConnectionLine> connectionsToPort(long portRowId) {
        return jdbc.query(CONNECTION_SELECT + " where c.server_port_id = :id order by cl.name_key",
                new MapSqlParameterSource("id", portRowId), CONNECTION_LINE);
    }

    /** Applications that name this one as their backup (their primaries). */
    public List<NamedRef> primariesOf(long applicationId) {
        return jdbc.query("select id, name, component_type from application where backup_id = :id order by name_key",
                new MapSqlParameterSource("id", applicationId),
                (rs, i) -> new NamedRef(rs.getLong("id"), rs.getString("name"), rs.getString("component_type")));
    }

    /** Every port id in use, sorted (the port picker of the connection form). */
    public List<String> portIds() {
        return jdbc.queryForList("select distinct port_id from listening_port order by port_id", new MapSqlParameterSource(),
                String.class);
    }

    /** Topology sizes, for the dashboard. */
    public Counts counts() {
        return jdbc.queryForObject("""
                select (select count(*) from host) as hosts, (select count(*) from application) as applications,
                       (select count(*) from connection) as connections
                """, new MapSqlParameterSource(),
                (rs, i) -> new Counts(rs.getLong("hosts"), rs.getLong("applications"), rs.getLong("connections")));
    }

    /**
     * Part of a confirmed cascade: removes the connections of these applications and the backup
     * references to them, so that the applications themselves can be deleted.
     */
    public void detachApplications(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", applicationIds);
        jdbc.update("""
                delete from connection where client_id in (:ids)
                   or server_port_id in (select id from listening_port where application_id in (:ids))
                """, ids);
        jdbc.update("update application set backup_id = null, version = version + 1 where backup_id in (:ids)"
                + " and id not in (:ids)", ids);
        jdbc.update("update application set backup_id = null where id in (:ids)", ids);
    }

    /** Part of a confirmed host cascade, after {@link #detachApplications}: the applications with their ports and options. */
    public void deleteApplicationsOnHost(long hostId) {
        jdbc.update("delete from application where host_id = :id", new MapSqlParameterSource("id", hostId));
    }

    /** How many applications run on each of these hosts (hosts without any are absent). */
    public java.util.Map<Long, Integer> applicationCounts(Collection<Long> hostIds) {
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        if (!hostIds.isEmpty()) {
            jdbc.query("select host_id, count(*) from application where host_id in (:ids) group by host_id",
                    new MapSqlParameterSource("ids", hostIds), rs -> {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        return counts;
    }

    /** An application as listed on its host's page. */
    public record ApplicationLine(long id, String name, String componentType, String componentVersion, int ports,
            int securePorts) {
    }

    /** A connection with the names of both ends, its port and its transport. */
    public record ConnectionLine(long id, long clientId, String client, String clientHost, long serverId, String server,
            String serverHost, long portRowId, String portId, int portNumber, ListeningMode listeningMode,
            String transport, long version) {

        /** {@code statserv → confserv:default}, how admins name a connection. */
        public String label() {
            return client + " → " + server + ":" + portId;
        }
    }

    /** An object named in a message: id, name and (for applications) component type. */
    public record NamedRef(long id, String name, String type) {
    }

    /** How many hosts, applications and connections there are. */
    public record Counts(long hosts, long applications, long connections) {
    }
}
