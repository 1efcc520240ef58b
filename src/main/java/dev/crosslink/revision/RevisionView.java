package dev.crosslink.revision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crosslink.post.PostInput;
import dev.crosslink.post.PostStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A revision as clients read it (CONTRACT section 10); lists leave markdown out unless asked. */
@Schema(name = "Revision", requiredProperties = {"number", "createdAt", "actor", "source", "title", "slug", "excerpt", "status",
        "publishedAt", "author", "category", "tags"})
public record RevisionView(
        @Schema(examples = "3") int number,
        Instant createdAt,
        @Schema(nullable = true, description = "The name of the token that wrote it", examples = "alice") String actor,
        @Schema(enumeration = {"api", "import", "restore", "rerender"}) String source,
        String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) String markdown,
        String slug,
        @Schema(nullable = true, description = "The editor's own excerpt; null when derived") String excerpt,
        @Schema(enumeration = {"draft", "scheduled", "published"}) PostStatus status,
        @Schema(nullable = true) Instant publishedAt,
        String author,
        @Schema(nullable = true, description = "A category slug") String category,
        @Schema(description = "Tag slugs, in the post's order") List<String> tags) {

    static RevisionView of(Revision revision, boolean withMarkdown) {
        PostInput content = revision.content();
        return new RevisionView(revision.number(), revision.createdAt(), revision.actor(), revision.source(), content.title(),
                withMarkdown ? content.markdown() : null, content.slug(), content.excerpt(), content.status(),
                content.publishedAt(), content.author(), content.category(), content.tags());
    }
}
