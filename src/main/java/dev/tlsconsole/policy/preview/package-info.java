/**
 * What-if previews: staged changes applied to an overlay of the snapshot, and only the connections
 * reachable from the changed objects recomputed and compared.
 */
@NullMarked
package dev.tlsconsole.policy.preview;

import org.jspecify.annotations.NullMarked;
