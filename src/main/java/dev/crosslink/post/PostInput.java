package dev.crosslink.post;

import dev.crosslink.web.PlainText;
import dev.crosslink.web.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The body of a post create or replace, and what a merge patch is applied to. */
@Schema(name = "PostInput", description = "A post as written by an editor")
public record PostInput(
        @NotBlank @Size(max = 300) @PlainText
        @Schema(required = true, examples = "What Consensus Protocols Teach Us About Deadlines") String title,
        // XML-safe too: a NUL cannot even be stored in PostgreSQL, and no feed could carry the others.
        @NotNull @Size(max = PostInput.MAX_MARKDOWN) @PlainText
        @Schema(required = true, examples = "Consensus protocols are mostly about **when to stop waiting**.") String markdown,
        @Size(max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.REGEX, message = "must be lowercase letters and digits separated by single dashes")
        @Schema(description = "Derived from the title when omitted", examples = "consensus-and-deadlines") String slug,
        @Size(max = 1000) @PlainText @Schema(description = "Derived from the first paragraph when omitted") String excerpt,
        @Schema(description = "draft (default), scheduled or published", enumeration = {"draft", "scheduled", "published"},
                examples = "published") PostStatus status,
        @Schema(description = "ISO-8601; required and in the future for scheduled posts; defaults to now when publishing",
                examples = "2025-04-04T00:00:00Z") Instant publishedAt,
        @Size(max = 200) @PlainText @Schema(examples = "Jocta Torres") String author,
        @Size(max = Slug.MAX_LENGTH) @Schema(description = "A category slug; it must exist", examples = "distributed-systems") String category,
        @Size(max = 50) @Schema(description = "Tag slugs or names; unknown ones are created", examples = "[\"consensus\", \"raft\"]")
        List<@NotBlank @Size(max = 200) @PlainText String> tags) {

    /** publishedAt bounds (CONTRACT section 3): every feed format and every clock can carry these. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** 1 MiB of characters (CONTRACT section 3): about two hundred long essays; the body limit is 4 MiB. */
    public static final int MAX_MARKDOWN = 1 << 20;

    PostInput withMarkdown(String markdown) {
        return new PostInput(title, markdown, slug, excerpt, status, publishedAt, author, category, tags);
    }

    PostInput withStatus(PostStatus status) {
        return new PostInput(title, markdown, slug, excerpt, status, publishedAt, author, category, tags);
    }
}
