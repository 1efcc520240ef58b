package dev.crosslink.post;

import java.util.UUID;

/**
 * Fired in the writing transaction by every post write and delete, for the rooms that tell others
 * of changes (webhooks, WebSub), so this room never calls them: whether anonymous readers could see
 * the post before, the post as it was (null when created) and as it is now (null once deleted), and,
 * for a scheduled post, the post as it will read at its publication instant.
 */
public record PostChanged(UUID postId, String slug, boolean wasPublic, PostView before, PostView view,
                          PostView atPublication) {
}
