/**
 * The topology graph: hosts as groups, applications as nodes and connections as edges carrying their
 * mode, protocol and grade, for the {@code /graph} page and {@code GET /api/v1/graph}. Reads the cached
 * effective policies through {@code effective.EffectivePolicies} and the hosts and applications through
 * the topology's read records; keeps no state of its own.
 */
package dev.tlsconsole.graph;
