/**
 * What the policy engine answers: the effective policy of a connection (every option's winning value
 * with its provenance, the mode, the negotiated protocol), the findings that say what will break or is
 * weak and where to fix it, and the grade. Plain immutable values, ready to be mapped to JSON or a view.
 */
@NullMarked
package dev.tlsconsole.policy.effective;

import org.jspecify.annotations.NullMarked;
