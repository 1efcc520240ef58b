package dev.crosslink.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One delivery with every attempt at it (CONTRACT section 11). */
@Schema(name = "WebhookDelivery", requiredProperties = {"id", "messageId", "type", "status", "createdAt", "nextAttemptAt",
        "payload", "attempts"})
public record DeliveryView(UUID id,
                           @Schema(description = "The webhook-id header, the same on every attempt") String messageId,
                           WebhookEvent type,
                           @Schema(enumeration = {"pending", "delivered", "failed"}) String status,
                           Instant createdAt,
                           @Schema(nullable = true) Instant nextAttemptAt,
                           @Schema(implementation = WebhookPayload.class) JsonNode payload,
                           List<AttemptView> attempts) {

    @Schema(name = "WebhookAttempt", requiredProperties = {"attemptedAt", "responseCode", "durationMs", "error", "nextAttemptAt"})
    public record AttemptView(Instant attemptedAt,
                              @Schema(nullable = true, description = "null when no answer came") Integer responseCode,
                              int durationMs, @Schema(nullable = true) String error,
                              @Schema(nullable = true, description = "When it is tried again; null when it is not")
                              Instant nextAttemptAt) {
    }
}
