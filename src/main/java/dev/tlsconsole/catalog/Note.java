package dev.tlsconsole.catalog;

/**
 * One note from the seed, attached to the catalog, a component or a link.
 *
 * @param id     stable key in {@code catalog.yaml}, so several components and links can share one note
 * @param kind   how the policy engine and UI should surface it
 * @param text   the note for an administrator
 * @param source the seed section it comes from
 */
public record Note(String id, NoteKind kind, String text, String source) {
}
