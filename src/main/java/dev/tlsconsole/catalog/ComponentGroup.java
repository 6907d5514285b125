package dev.tlsconsole.catalog;

/**
 * A layer or product the UI groups the matrix by; the catalog keeps groups in the order the file lists
 * them so the grid stays readable when the catalog grows to hundreds of components.
 *
 * @param name        e.g. {@code Framework: Configuration Layer}, {@code eServices}
 * @param description one line on what belongs to the group
 */
public record ComponentGroup(String name, String description) {
}
