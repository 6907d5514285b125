/**
 * The effective policy in the running console: builds the policy engine's snapshot from the topology
 * tables, keeps the resolution of every connection cached per input revision, and serves it — the
 * {@code /api/v1} effective-policy, list and preview endpoints, the policies page, the panels that the
 * topology pages load by URL, the options editors' preview, and the dashboard figures.
 *
 * <p>Depends on {@code topology}, {@code catalog} (through the engine's {@code LinkRules}) and the pure
 * {@code policy} engine; nothing depends on this package, so topology pages include its panels by URL.
 */
package dev.tlsconsole.resolution;
