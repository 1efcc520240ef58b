package dev.crosslink.taxonomy;

/**
 * Fired in the writing transaction when a category or tag is created, changed or deleted through
 * the API, for the rooms that tell others of changes (webhooks). {@code view} is null once deleted.
 */
public record TermChanged(String kind, String slug, TermView view) {
}
