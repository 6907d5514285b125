package dev.tlsconsole.interchange;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /imports/genesys} and {@code POST /topology/import}: what the import creates,
 * which keys each existing object gains, changes or loses per level, what it deletes (only with
 * {@code prune}), how many named objects stay as they are, the warnings with file and line, and the
 * effect on the effective policies (the shape of {@code POST /preview}); and the public certificates and
 * CRLs that came with the files: which join the inventory and which it holds already.
 */
public record ImportPlan(boolean dryRun, List<Created> create, List<Updated> update, List<Deleted> delete, int unchanged,
        List<WarningJson> warnings, Impact impact, List<InventoryItem> inventory) {

    /** A plan without certificates or CRLs. */
    public ImportPlan(boolean dryRun, List<Created> create, List<Updated> update, List<Deleted> delete, int unchanged,
            List<WarningJson> warnings, Impact impact) {
        this(dryRun, create, update, delete, unchanged, warnings, impact, List.of());
    }

    /** The same plan with these certificates and CRLs. */
    public ImportPlan withInventory(List<InventoryItem> items) {
        return new ImportPlan(dryRun, create, update, delete, unchanged, warnings, impact, List.copyOf(items));
    }

    /**
     * A certificate or CRL of the files and what the import does with it.
     *
     * @param type   {@code CERTIFICATE} or {@code CRL}
     * @param name   the certificate's name (or subject), or the CRL's issuer
     * @param match  what it is matched with the inventory by: the SHA-256 fingerprint, or the CRL's issuer and number
     * @param action {@code ADD} (joins the inventory), {@code PRESENT} (the inventory holds it), {@code SKIP} (see note)
     * @param paths  the paths options use for it, recorded as where it is deployed
     */
    public record InventoryItem(String type, String file, String name, String match, String action, List<String> paths,
            String note) {
    }

    /** An object the import creates. */
    public record Created(String type, String name) {
    }

    /** One level of one existing object: the keys set (new or changed values) and the keys removed. */
    public record Updated(String type, String name, String level, Map<String, String> set, List<String> unset) {
    }

    /** An object the import deletes ({@code prune=true} only). */
    public record Deleted(String type, String name) {
    }

    /** A warning about a file, at a line ({@code null} = the file as a whole). */
    public record WarningJson(String file, Integer line, String message) {
    }

    /** Connections recomputed and those whose mode, protocol, grade or findings change. */
    public record Impact(int impacted, List<Change> changed) {
    }

    /** One connection before and after, with its ends for people reading the plan. */
    public record Change(long connectionId, String client, String server, String portId, State before, State after) {
    }

    public record State(String mode, String protocol, String grade, List<String> findings) {
    }
}
