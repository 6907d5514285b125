package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared set-up: a fixed clock, the fakes, and one-liners to resolve a connection. */
public final class PolicyTesting {

    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    public static final PolicySettings SETTINGS = PolicySettings.defaults(Clock.fixed(NOW, ZoneOffset.UTC));

    public static final String CERT = "certificate=/opt/certs/server.pem";
    public static final String KEY = "certificate-key=/opt/certs/server.key";
    public static final String CA = "trusted-ca=/opt/certs/ca.pem";
    public static final String THUMBPRINT = "0123456789abcdef0123456789abcdef01234567";

    private PolicyTesting() {
    }

    public static EffectivePolicy resolve(TopologySnapshot snapshot, long connectionId) {
        return resolve(snapshot, connectionId, new FakeLinkRules(), CertificateFacts.none());
    }

    public static EffectivePolicy resolve(TopologySnapshot snapshot, long connectionId, LinkRules rules, CertificateFacts facts) {
        return new PolicyResolver(rules, facts).resolve(snapshot, connectionId, SETTINGS).orElseThrow();
    }

    /** The findings with this code, at the top level and in the HA backup block. */
    public static List<Finding> findings(EffectivePolicy policy, FindingCode code) {
        List<Finding> all = new ArrayList<>(policy.findings());
        policy.backup().ifPresent(backup -> all.addAll(backup.findings()));
        return all.stream().filter(f -> f.code() == code).toList();
    }

    public static Finding only(EffectivePolicy policy, FindingCode code) {
        List<Finding> found = findings(policy, code);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + code + " but found " + found + " in " + policy.findings());
        }
        return found.get(0);
    }

    public static List<FindingCode> codes(EffectivePolicy policy) {
        return policy.findings().stream().map(Finding::code).toList();
    }
}
