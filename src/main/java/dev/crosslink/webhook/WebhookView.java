package dev.crosslink.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as admins read it: the secret only in the answer to its creation. */
@Schema(name = "Webhook", requiredProperties = {"id", "url", "events", "description", "enabled", "disabledReason",
        "createdAt", "updatedAt"})
public record WebhookView(UUID id, String url, List<WebhookEvent> events, @Schema(nullable = true) String description,
                          boolean enabled,
                          @Schema(nullable = true, description = "Why deliveries stopped (a 410 answer)") String disabledReason,
                          Instant createdAt, Instant updatedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @Schema(description = "whsec_…: shown once, in the answer to the creation") String secret) {

    static WebhookView of(Webhook webhook, boolean withSecret) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.description(), webhook.enabled(),
                webhook.disabledReason(), webhook.createdAt(), webhook.updatedAt(), withSecret ? webhook.secret() : null);
    }
}
