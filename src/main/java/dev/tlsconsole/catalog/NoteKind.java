package dev.tlsconsole.catalog;

/**
 * What a catalog note is for, so the policy engine and the UI can treat notes differently: product-specific
 * configuration becomes a {@code PRODUCT_SPECIFIC} finding, config-file-only components a
 * {@code CONFIG_FILE_ONLY} finding, and the rest is shown as information.
 */
public enum NoteKind {
    /** the component or connection is not configured with the standard TLS options (GVP, WFM internal, Java eServices…) */
    PRODUCT_SPECIFIC,
    /** the component reads TLS settings only from its own configuration file (LCA, GDA) */
    CONFIG_FILE_ONLY,
    /** the connection relies on Configuration Server's auto-detect (upgrade) listening mode */
    AUTO_DETECT,
    /** general information from the seed (TLS type not specified, FIPS, protocol versions, HA pairs…) */
    INFO,
    /** how we read an unclear or garbled passage of the seed, so a reviewer can challenge the reading */
    SOURCE_READING
}
