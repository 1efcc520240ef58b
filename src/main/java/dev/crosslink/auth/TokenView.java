package dev.crosslink.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A token as listed; {@code token} (the secret) is only present in the answer to its creation. */
@Schema(name = "Token")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(UUID id,
                        @Schema(examples = "swagger-editor") String name,
                        @Schema(enumeration = {"editor", "admin"}) Role role,
                        Instant createdAt,
                        @Schema(description = "The secret, shown once at creation", examples = "cl_3q2-7w...")
                        String token) {

    static TokenView of(ApiToken token, String secret) {
        return new TokenView(token.getId(), token.getName(), token.getRole(), token.getCreatedAt(), secret);
    }
}
