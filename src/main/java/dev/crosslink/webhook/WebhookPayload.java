package dev.crosslink.webhook;

import dev.crosslink.post.PostView;
import dev.crosslink.taxonomy.TermView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * What a receiver gets (documented so that it can generate its types): the body of every delivery,
 * signed per Standard Webhooks with the webhook-id, webhook-timestamp and webhook-signature headers.
 */
@Schema(name = "WebhookPayload", requiredProperties = {"type", "timestamp", "data"})
public record WebhookPayload(
        WebhookEvent type,
        @Schema(description = "When the change happened (a scheduled post: its publication instant)") Instant timestamp,
        @Schema(description = "post.*: the post as GET /api/posts/{slug} shows it; post.deleted: {slug}; "
                + "category.changed and tag.changed: the term, or {slug} when deleted; ping: {webhookId}",
                anyOf = {PostView.class, TermView.class, WebhookPayload.Slug.class, WebhookPayload.Ping.class}) Object data) {

    @Schema(name = "WebhookSlugData", requiredProperties = "slug")
    public record Slug(String slug) {
    }

    @Schema(name = "WebhookPingData", requiredProperties = "webhookId")
    public record Ping(java.util.UUID webhookId) {
    }
}
