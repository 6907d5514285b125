package dev.tlsconsole.topology;

import dev.tlsconsole.policy.snapshot.ListeningMode;

import dev.tlsconsole.policy.snapshot.OsType;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole topology as plain rows, one query per table, for the policy engine's immutable snapshot:
 * a fixed number of queries however many connections there are, and no entities (nothing lazy, no
 * persistence context). {@link #readAll()} reads every table in one repeatable-read transaction so
 * the rows agree with each other; the single-table methods join the caller's transaction.
 *
 * <p>Transports are the canonical strings as stored (parse them with {@code TransportString.parse});
 * option rows hold exactly what was set at that level. The reader is not guarded by roles: it is an
 * internal source for services, which carry the guards.
 */
@Component
public class TopologyReader {

    private final JdbcTemplate jdbc;

    TopologyReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every table, consistently. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Rows readAll() {
        return new Rows(hosts(), hostOptions(), applications(), applicationOptions(), applicationAnnexOptions(), ports(),
                connections());
    }

    public List<HostRow> hosts() {
        return jdbc.query("select id, name, ip_address, os_type, security_pack_version, version, os_version from host",
                (rs, i) -> new HostRow(rs.getLong(1), rs.getString(2), rs.getString(3), OsType.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getLong(6), rs.getString(7)));
    }

    /** Host annex {@code [security]} options; {@link OptionRow#ownerId()} is the host id. */
    public List<OptionRow> hostOptions() {
        return jdbc.query("select host_id, option_key, option_value from host_option",
                (rs, i) -> new OptionRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    public List<ApplicationRow> applications() {
        return jdbc.query("select id, name, component_type, component_version, host_id, backup_id, version from application",
                (rs, i) -> new ApplicationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getObject(6, Long.class), rs.getLong(7)));
    }

    /** Application options {@code [security]}; {@link OptionRow#ownerId()} is the application id. */
    public List<OptionRow> applicationOptions() {
        return jdbc.query("select application_id, option_key, option_value from application_option",
                (rs, i) -> new OptionRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** Application annex {@code [security]} options; {@link OptionRow#ownerId()} is the application id. */
    public List<OptionRow> applicationAnnexOptions() {
        return jdbc.query("select application_id, option_key, option_value from application_annex_option",
                (rs, i) -> new OptionRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** Listening ports, in each application's order ({@link PortRow#ordinal()}). */
    public List<PortRow> ports() {
        return jdbc.query("select id, application_id, port_id, port_number, listening_mode, transport, ordinal from listening_port",
                (rs, i) -> new PortRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        ListeningMode.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7)));
    }

    /** Connections with the server application and port id resolved (one join, still one query). */
    public List<ConnectionRow> connections() {
        return jdbc.query("""
                select c.id, c.client_id, p.application_id, c.server_port_id, p.port_id, c.transport, c.version
                from connection c join listening_port p on p.id = c.server_port_id
                """, (rs, i) -> new ConnectionRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getLong(7)));
    }

    /** All rows of the topology, read together. */
    public record Rows(List<HostRow> hosts, List<OptionRow> hostOptions, List<ApplicationRow> applications,
            List<OptionRow> applicationOptions, List<OptionRow> applicationAnnexOptions, List<PortRow> ports,
            List<ConnectionRow> connections) {

        /** Rows of a topology without application annex options. */
        public Rows(List<HostRow> hosts, List<OptionRow> hostOptions, List<ApplicationRow> applications,
                List<OptionRow> applicationOptions, List<PortRow> ports, List<ConnectionRow> connections) {
            this(hosts, hostOptions, applications, applicationOptions, List.of(), ports, connections);
        }
    }

    /** A host; {@code securityPackVersion} null = no Security Pack installed (always null on Windows). */
    public record HostRow(long id, String name, String ipAddress, OsType osType, String securityPackVersion,
            long version, String osVersion) {

        /** A host whose OS version is not known. */
        public HostRow(long id, String name, String ipAddress, OsType osType, String securityPackVersion, long version) {
            this(id, name, ipAddress, osType, securityPackVersion, version, null);
        }
    }

    /** One option set at one level: the owner is a host or an application, depending on the list it came from. */
    public record OptionRow(long ownerId, String key, String value) {
    }

    /** An application; {@code componentType} is the catalog's canonical name, {@code backupId} may be null. */
    public record ApplicationRow(long id, String name, String componentType, String componentVersion, long hostId,
            Long backupId, long version) {
    }

    /** A listening port of application {@code applicationId}; {@code transport} is canonical ({@code ""} = none). */
    public record PortRow(long id, long applicationId, String portId, int number, ListeningMode listeningMode,
            String transport, int ordinal) {
    }

    /** A connection from {@code clientId} to port {@code serverPortId} ({@code portId}) of {@code serverId}. */
    public record ConnectionRow(long id, long clientId, long serverId, long serverPortId, String portId,
            String transport, long version) {
    }
}
