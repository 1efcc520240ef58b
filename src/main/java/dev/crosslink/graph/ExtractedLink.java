package dev.crosslink.graph;

/**
 * A link as read from HTML: internal when its path is on this site under a post, category or tag
 * prefix; then targetType and targetSlug say what it names (both null when the path fits no
 * pattern, which makes it broken).
 */
public record ExtractedLink(String href, String text, boolean internal, TargetType targetType, String targetSlug) {
}
