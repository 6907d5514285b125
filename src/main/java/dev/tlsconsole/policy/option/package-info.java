/**
 * The Genesys TLS option vocabulary: option names, valid values, defaults and where each may be set,
 * and the transport-parameter strings ({@code k=v;k=v}) that carry options on ports and connections.
 *
 * <p>Pure Java; the topology feature uses it to reject bad input with a clear message, the policy
 * engine to resolve and check what was stored.
 */
@NullMarked
package dev.tlsconsole.policy.option;

import org.jspecify.annotations.NullMarked;
