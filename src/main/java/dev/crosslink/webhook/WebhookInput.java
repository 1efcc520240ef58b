package dev.crosslink.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.crosslink.web.PlainText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A webhook as an admin registers it, and what a merge patch is applied to. */
@Schema(name = "WebhookInput", description = "An endpoint to tell about changes")
public record WebhookInput(
        @NotBlank @Size(max = 2000) @Schema(required = true, examples = "https://example.org/hooks/crosslink") String url,
        @NotEmpty @Size(max = 7) @Schema(required = true, examples = "[\"post.published\", \"post.updated\"]")
        List<@NotNull WebhookEvent> events,
        @Size(max = 500) @PlainText @Schema(examples = "Revalidate the Next.js site") String description,
        @Schema(description = "false pauses deliveries; true again after a 410 resumes them", examples = "true") Boolean enabled) {
}
