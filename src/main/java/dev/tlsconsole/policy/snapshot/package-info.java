/**
 * An immutable, in-memory picture of the topology (hosts, applications, ports, connections) that the
 * policy engine resolves against: plain records built from a handful of bulk queries, each transport
 * string parsed once, and dense indexes for reachability. Staged changes are applied to an overlay
 * ({@link dev.tlsconsole.policy.snapshot.TopologySnapshot#withChanges}), never to the original.
 */
@NullMarked
package dev.tlsconsole.policy.snapshot;

import org.jspecify.annotations.NullMarked;
