package dev.crosslink.preview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What an editor hands a frontend to show one draft (CONTRACT section 10). */
@Schema(name = "Preview", requiredProperties = {"token", "url", "expiresAt"})
public record PreviewView(
        @Schema(description = "Opens this one post, draft or scheduled, until expiresAt") String token,
        @Schema(description = "The post's API URL with the token", examples = "http://localhost:8080/api/posts/draft-post?preview=v1.AbC.dEf")
        String url,
        Instant expiresAt) {
}
