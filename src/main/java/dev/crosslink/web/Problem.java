package dev.crosslink.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document: the body of every error this API answers. */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json)", requiredProperties = {"type", "title", "status"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(examples = "https://crosslink.dev/problems/validation") String type,
        @Schema(examples = "Validation failed") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "title: must not be blank") String detail,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", requiredProperties = {"field", "message"})
    public record FieldError(@Schema(examples = "title") String field,
                             @Schema(examples = "must not be blank") String message) {
    }
}
