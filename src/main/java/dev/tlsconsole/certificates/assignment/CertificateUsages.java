package dev.tlsconsole.certificates.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.policy.option.TransportSyntaxException;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;

/**
 * Where a certificate is used: the objects whose options reference it (its SHA-1 thumbprint, or a file
 * the console deployed for it or holding it — so a CA is found through the trusted-ca files), and the
 * connections whose effective policy resolves such a value on either side, with their current mode and
 * grade. Any signed-in user may look.
 */
@Service
public class CertificateUsages {

    private static final List<SecurityOption> REFERENCING = List.of(SecurityOption.CERTIFICATE, SecurityOption.CERTIFICATE_KEY,
            SecurityOption.TRUSTED_CA, SecurityOption.TLS_CRL);

    private final CertificateStore certificates;
    private final Deployments deployments;
    private final ConnectionPolicies policies;

    CertificateUsages(CertificateStore certificates, Deployments deployments, ConnectionPolicies policies) {
        this.certificates = certificates;
        this.deployments = deployments;
        this.policies = policies;
    }

    /** The answer of {@code GET /certificates/{id}/usages}. */
    public record Usages(long certificateId, String certificate, List<String> references, List<ObjectUse> objects,
            List<ConnectionUse> connections) {
    }

    /**
     * An object whose own options name the certificate.
     *
     * @param type    {@code HOST}, {@code APPLICATION}, {@code PORT}, {@code CONNECTION}
     * @param options the option names that reference it there
     */
    public record ObjectUse(String type, long id, String name, List<String> options) {
    }

    /**
     * A connection that depends on the certificate.
     *
     * @param side    {@code SERVER} or {@code CLIENT}: whose resolved options reference it
     * @param options the resolved options that do
     */
    public record ConnectionUse(long connectionId, String connection, String side, List<String> options, String mode,
            String grade, long errors, long warnings) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Usages of(long certificateId) {
        StoredCertificate certificate = certificates.require(certificateId);
        Set<String> references = new LinkedHashSet<>();
        references.add(certificate.getSha1Thumbprint().toUpperCase(Locale.ROOT));
        // files holding this certificate: its own file and key, or — for a CA — the trusted-ca, intermediate and CRL files
        deployments.holding(certificate.getSha256Fingerprint()).forEach(references::add);
        ConnectionPolicies.Evaluation evaluation = policies.current();
        TopologySnapshot topology = evaluation.topology();
        List<ObjectUse> objects = new ArrayList<>();
        for (int i = 0; i < topology.hostCount(); i++) {
            use(topology.hostRef(i), topology.host(i).security(), references, objects);
        }
        for (int i = 0; i < topology.applicationCount(); i++) {
            use(topology.applicationRef(i), topology.application(i).security(), references, objects);
        }
        for (int i = 0; i < topology.portCount(); i++) {
            use(topology.portRef(i), transport(topology.port(i).transport()), references, objects);
        }
        for (int i = 0; i < topology.connectionCount(); i++) {
            use(topology.connectionRef(i), transport(topology.connection(i).transport()), references, objects);
        }
        List<ConnectionUse> connections = new ArrayList<>();
        if (!objects.isEmpty()) {
            List<EffectivePolicy> all = policies.resolveAll(evaluation);
            for (EffectivePolicy policy : all) {
                String label = policy.client().application().name() + " → " + policy.server().port().name();
                dependency(policy, "SERVER", policy.serverSide(), references, label).ifPresent(connections::add);
                dependency(policy, "CLIENT", policy.clientSide(), references, label).ifPresent(connections::add);
            }
        }
        return new Usages(certificateId, certificate.getName(), List.copyOf(references), objects, connections);
    }

    private static java.util.Optional<ConnectionUse> dependency(EffectivePolicy policy, String side, ResolvedSide resolved,
            Set<String> references, String label) {
        List<String> options = REFERENCING.stream().filter(o -> references(resolved.value(o), references)).map(SecurityOption::key).toList();
        if (options.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ConnectionUse(policy.connectionId(), label, side, options, policy.mode().name(),
                policy.grade().label(), policy.errors(), policy.warnings()));
    }

    private static void use(ObjectRef object, Map<String, String> options, Set<String> references, List<ObjectUse> out) {
        List<String> keys = REFERENCING.stream().map(SecurityOption::key)
                .filter(key -> references(options.get(key), references)).toList();
        if (!keys.isEmpty()) {
            out.add(new ObjectUse(object.type().name(), object.id(), object.name(), keys));
        }
    }

    /** True when one of the comma-separated parts of {@code value} is a reference (thumbprints in any case). */
    static boolean references(String value, Set<String> references) {
        if (value == null || value.isBlank()) {
            return false;
        }
        for (String part : value.split(",")) {
            String trimmed = part.strip();
            if (references.contains(trimmed) || references.contains(trimmed.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> transport(String text) {
        try {
            return TransportString.parse(text).asMap();
        } catch (TransportSyntaxException e) {
            // a transport that does not parse is reported by the policy findings; it references nothing here
            return new HashMap<>();
        }
    }
}
