package dev.crosslink.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category or tag as clients read it. postCount counts public posts. */
@Schema(name = "Term", description = "A category or tag", requiredProperties = {"slug", "name", "description", "url", "postCount"})
public record TermView(
        @Schema(examples = "cs-philosophy") String slug,
        @Schema(examples = "CS & Philosophy") String name,
        @Schema(nullable = true, examples = "Essays on the philosophy of computer science.") String description,
        @Schema(examples = "http://localhost:8080/topics/cs-philosophy") String url,
        @Schema(examples = "4") long postCount) {
}
