package dev.crosslink.revision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What changed from one revision to another (CONTRACT section 10). */
@Schema(name = "RevisionDiff", requiredProperties = {"from", "to", "changed", "markdown"})
public record RevisionDiff(
        @Schema(nullable = true, description = "null when there is no earlier revision: the diff is from nothing",
                examples = "2") Integer from,
        @Schema(examples = "3") int to,
        @Schema(description = "The fields whose values differ, in the order of a revision's fields",
                examples = "[\"title\", \"markdown\"]") List<String> changed,
        @Schema(description = "A unified diff of the Markdown; empty when it did not change") String markdown) {
}
