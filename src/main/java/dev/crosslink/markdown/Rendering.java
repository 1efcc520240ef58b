package dev.crosslink.markdown;

/**
 * What a write stores from one Markdown body: the sanitized HTML that every read and feed serves,
 * its plain text, the excerpt to use when the editor gave none, and the reading time.
 */
public record Rendering(String html, String text, String excerpt, int readingTimeMinutes) {
}
