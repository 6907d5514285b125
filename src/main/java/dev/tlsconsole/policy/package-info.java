/**
 * The effective-policy engine: given an immutable {@link dev.tlsconsole.policy.snapshot.TopologySnapshot},
 * {@link dev.tlsconsole.policy.PolicyResolver} works out for every connection which TLS options win on
 * each side and where they come from, the mode, the negotiated protocol, the findings and the grade.
 *
 * <p>Pure Java: no Spring, no JPA, no Bouncy Castle. What the engine needs from other features comes
 * through two interfaces it owns: {@link dev.tlsconsole.policy.LinkRules} (the supported-component
 * matrix) and {@link dev.tlsconsole.policy.CertificateFacts} (certificate content).
 *
 * <h2>Dense indexes</h2>
 * Inside the engine, objects are addressed by their dense index in the snapshot, {@code 0..count-1} per
 * kind, never by database id: {@code ci} is a connection index, {@code portIndex}, {@code appIndex}
 * ({@code clientIndex} for a connection's client application) and {@code hostIndex} the others. The
 * snapshot answers the structure in flat arrays ({@code portOfConnection(ci)},
 * {@code applicationOfPort(portIndex)}, {@code hostOfApplication(appIndex)},
 * {@code backupPortOfPort(portIndex)}, -1 for "none"), and every cache of a
 * {@link dev.tlsconsole.policy.ResolutionRun} is a {@link dev.tlsconsole.policy.Memo} keyed by one of
 * these indexes: an array slot in a bulk run, a map entry in a run that resolves a few connections.
 * Indexes are stable for a snapshot and every overlay made from it (changes edit options, never
 * structure); ids appear only at the edges, in {@code PolicyResolver.resolve} and in what is returned.
 *
 * <h2>Sharing work</h2>
 * A run computes what connections share once: a port's {@link dev.tlsconsole.policy.ServerSide}
 * (built once per bulk resolution and handed to every thread), a client application's
 * {@link dev.tlsconsole.policy.ClientProfile} (and one per application and set of connection options),
 * hosts, certificate look-ups and catalog verdicts. Sides are immutable; what a run remembers about them
 * (a profile's findings per mode, its certificate, the interned value classes) lives in the
 * {@link dev.tlsconsole.policy.ResolutionRun}. Each side is given numbers for its value classes (what the
 * negotiation rules and the catalog read of it, without names or provenance) by the resolution's
 * {@link dev.tlsconsole.policy.ValueClasses}; a {@link dev.tlsconsole.policy.PairVerdict} (mode, protocol,
 * which pair findings apply) is put together from a negotiation decided once per (client class, server
 * class, client tls) and a catalog verdict asked once per pair of components, and shared. A connection
 * then is a look-up and one small {@link dev.tlsconsole.policy.effective.EffectivePolicy} pointing at the
 * shared sides, lists and verdict; its own provenance and the text of findings that name it are rendered
 * on first use ({@link dev.tlsconsole.policy.ConnectionResolution}, where each shape of its transport,
 * {@link dev.tlsconsole.policy.snapshot.TransportShape}, has its own method). Connections with an HA
 * backup, certificates the console knows or cipher lists are put together in full.
 * {@code PolicyResolver.resolveNaively} does none of this sharing; a property test holds the two equal.
 *
 * <p>Not {@code @NullMarked} (unlike the sub-packages) because the shared {@code LinkRules} contract
 * takes null versions for "unknown"; nothing else in this package accepts or returns null.
 */
package dev.tlsconsole.policy;
