package dev.crosslink.taxonomy;

import dev.crosslink.web.PlainText;
import dev.crosslink.web.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a category or tag create, replace or merge-patch. */
@Schema(name = "TermInput", description = "A category or tag as written by an editor")
public record TermInput(
        @NotBlank @Size(max = 200) @PlainText @Schema(required = true, examples = "CS & Philosophy") String name,
        @Size(max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.REGEX, message = "must be lowercase letters and digits separated by single dashes")
        @Schema(description = "Derived from the name when omitted", examples = "cs-philosophy") String slug,
        @Size(max = 2000) @PlainText @Schema(examples = "Essays on the philosophy of computer science.") String description) {
}
