/**
 * The effective-policy engine: given an immutable {@link dev.tlsconsole.policy.snapshot.TopologySnapshot},
 * {@link dev.tlsconsole.policy.PolicyResolver} works out for every connection which TLS options win on
 * each side and where they come from, the mode, the negotiated protocol, the findings and the grade.
 *
 * <p>Pure Java: no Spring, no JPA, no Bouncy Castle. What the engine needs from other features comes
 * through two interfaces it owns: {@link dev.tlsconsole.policy.LinkRules} (the supported-component
 * matrix) and {@link dev.tlsconsole.policy.CertificateFacts} (certificate content).
 *
 * <p>Not {@code @NullMarked} (unlike the sub-packages) because the shared {@code LinkRules} contract
 * takes null versions for "unknown"; nothing else in this package accepts or returns null.
 */
package dev.tlsconsole.policy;
