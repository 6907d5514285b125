package dev.tlsconsole.certificates.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.inventory.CertificateInventory;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.PortView;
import dev.tlsconsole.topology.application.ApplicationReads;
import dev.tlsconsole.topology.application.ApplicationService;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.connection.ConnectionReads;
import dev.tlsconsole.topology.connection.ConnectionService;
import dev.tlsconsole.topology.host.HostCommands.HostView;
import dev.tlsconsole.topology.host.HostReads;
import dev.tlsconsole.topology.host.HostService;

/**
 * Assigns a certificate to a host, application, port or connection: previews the impact on the
 * connections first (the policy engine over the live topology), then writes the options through the
 * topology's own services — so the change is validated and audited like any option change — and
 * records the files it named for UNIX hosts.
 */
@Service
public class AssignmentService {

    private final AssignmentPlanner planner;
    private final ConnectionPolicies policies;
    private final Deployments deployments;
    private final HostService hosts;
    private final HostReads hostReads;
    private final ApplicationService applications;
    private final ApplicationReads applicationReads;
    private final ConnectionService connections;
    private final ConnectionReads connectionReads;
    private final AuditTrail audit;

    AssignmentService(AssignmentPlanner planner, ConnectionPolicies policies, Deployments deployments, HostService hosts,
            HostReads hostReads, ApplicationService applications, ApplicationReads applicationReads, ConnectionService connections,
            ConnectionReads connectionReads, AuditTrail audit) {
        this.planner = planner;
        this.policies = policies;
        this.deployments = deployments;
        this.hosts = hosts;
        this.hostReads = hostReads;
        this.applications = applications;
        this.applicationReads = applicationReads;
        this.connections = connections;
        this.connectionReads = connectionReads;
        this.audit = audit;
    }

    /** The plan and its impact, nothing saved. */
    public record Preview(AssignmentPlan plan, ConnectionPolicies.Impact impact) {
    }

    /**
     * What assigning would write and change; nothing is saved.
     *
     * @param withCrl also set {@code tls-crl} to the issuing CA's CRL file (UNIX)
     */
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Preview preview(long certificateId, AssignmentTarget target, boolean withCrl) {
        AssignmentPlan plan = planner.plan(certificateId, target, withCrl);
        return new Preview(plan, policies.preview(List.of(plan.change()), plan.files()));
    }

    /** Assigns: writes the options at the target's level (and records the deployed files) in one transaction. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_ASSIGN, objectId = "#certificateId")
    @Transactional
    public Preview assign(long certificateId, AssignmentTarget target, boolean withCrl) {
        AssignmentPlan plan = planner.plan(certificateId, target, withCrl);
        ConnectionPolicies.Impact impact = policies.preview(List.of(plan.change()), plan.files());
        Map<String, String> before = write(plan);
        deployments.record(plan.certificateId(), plan.files());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("target", plan.type() + " " + plan.targetName());
        after.put("set", new TreeMap<>(plan.set()));
        after.put("unset", plan.unset().stream().sorted().toList());
        after.put("files", plan.files().stream().map(f -> f.kind() + " " + f.path()).toList());
        after.put("connectionsChanged", impact.result().changed().size());
        audit.record(AuditRecord.success(certificateId,
                plan.certificateName(), Map.of("target", plan.type() + " " + plan.targetName(), "options", before), after));
        return new Preview(plan, impact);
    }

    /** Writes the plan through the topology service of the target; returns the previous values of the options it touches. */
    private Map<String, String> write(AssignmentPlan plan) {
        return switch (plan.type()) {
            case HOST -> {
                HostView host = hostReads.get(plan.targetId());
                SortedMap<String, String> section = new TreeMap<>(host.security());
                Map<String, String> before = previous(section, plan);
                apply(section, plan);
                hosts.updateSecurity(host.id(), section, host.version());
                yield before;
            }
            case APPLICATION -> {
                ApplicationView application = applicationReads.get(plan.targetId());
                SortedMap<String, String> section = new TreeMap<>(application.security());
                Map<String, String> before = previous(section, plan);
                apply(section, plan);
                applications.updateSecurity(application.id(), section, application.version());
                yield before;
            }
            case APPLICATION_ANNEX -> {
                ApplicationView application = applicationReads.get(plan.targetId());
                SortedMap<String, String> section = new TreeMap<>(application.annex());
                Map<String, String> before = previous(section, plan);
                apply(section, plan);
                applications.updateAnnex(application.id(), section, application.version());
                yield before;
            }
            case PORT -> {
                ApplicationView application = applicationReads.get(plan.applicationId());
                PortView port = application.port(plan.portId());
                TransportString transport = TransportString.parse(port.transport());
                Map<String, String> before = previous(transport.asMap(), plan);
                applications.updatePortTransport(application.id(), port.portId(), apply(transport, plan).render(),
                        application.version());
                yield before;
            }
            case CONNECTION -> {
                ConnectionView connection = connectionReads.get(plan.targetId());
                TransportString transport = TransportString.parse(connection.transport());
                Map<String, String> before = previous(transport.asMap(), plan);
                connections.updateTransport(connection.id(), apply(transport, plan).render(), connection.version());
                yield before;
            }
        };
    }

    private static Map<String, String> previous(Map<String, String> current, AssignmentPlan plan) {
        Map<String, String> before = new TreeMap<>();
        plan.set().keySet().forEach(key -> before.put(key, current.getOrDefault(key, "")));
        plan.unset().forEach(key -> before.put(key, current.getOrDefault(key, "")));
        return before;
    }

    private static void apply(Map<String, String> section, AssignmentPlan plan) {
        plan.unset().forEach(section::remove);
        section.putAll(plan.set());
    }

    private static TransportString apply(TransportString transport, AssignmentPlan plan) {
        TransportString result = transport;
        for (String key : plan.unset()) {
            result = result.without(key);
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(plan.set()).entrySet()) {
            result = result.with(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
