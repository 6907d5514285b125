/**
 * The topology: hosts, applications with their listening ports, connections, and the TLS options set
 * on each of them. Sub-packages hold one object each ({@code host}, {@code application},
 * {@code connection}) and depend on each other one way only (connection → application → host);
 * {@code bulk} (export, import, demo data) depends on all three. This package holds what they share:
 * option and name rules, the neighbourhood queries and the bulk {@link dev.tlsconsole.topology.TopologyReader}
 * the policy engine builds its snapshot from.
 */
package dev.tlsconsole.topology;
