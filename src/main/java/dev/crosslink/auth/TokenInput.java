package dev.crosslink.auth;

import dev.crosslink.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenInput")
public record TokenInput(
        @NotBlank @Size(max = 100) @PlainText @Schema(required = true, examples = "swagger-editor") String name,
        @NotNull @Schema(required = true, enumeration = {"editor", "admin"}, examples = "editor") Role role) {
}
