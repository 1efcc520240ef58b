package dev.crosslink.post;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crosslink.taxonomy.Term;
import dev.crosslink.web.SiteUrls;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A post as clients read it (CONTRACT section 2). Lists leave markdown and html out unless asked. */
// Required: what every answer carries (markdown and html only when asked), so typed clients need no "?".
@Schema(name = "Post", requiredProperties = {"id", "slug", "title", "excerpt", "status", "publishedAt", "createdAt",
        "updatedAt", "author", "category", "tags", "readingTimeMinutes", "url", "version", "source"})
public record PostView(
        UUID id,
        @Schema(examples = "distributed-systems-sample") String slug,
        @Schema(examples = "What Consensus Protocols Teach Us About Deadlines") String title,
        String excerpt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String markdown,
        @JsonInclude(JsonInclude.Include.NON_NULL) String html,
        @Schema(enumeration = {"draft", "scheduled", "published"}) PostStatus status,
        @Schema(nullable = true, description = "null while a draft has never been published") Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "Jocta Torres") String author,
        @Schema(nullable = true) TermRef category,
        List<TermRef> tags,
        @Schema(examples = "4") int readingTimeMinutes,
        @Schema(examples = "http://localhost:8080/blog/distributed-systems-sample") String url,
        @Schema(examples = "3") long version,
        PostSource source) {

    @Schema(name = "TermRef", description = "A category or tag as a post names it", requiredProperties = {"slug", "name", "url"})
    public record TermRef(@Schema(examples = "raft") String slug,
                          @Schema(examples = "raft") String name,
                          @Schema(examples = "http://localhost:8080/tags/raft") String url) {

        static TermRef of(Term term, Function<String, String> url) {
            return new TermRef(term.getSlug(), term.getName(), url.apply(term.getSlug()));
        }
    }

    static PostView of(Post post, SiteUrls urls, Instant now, boolean withMarkdown, boolean withHtml) {
        return new PostView(post.getId(), post.getSlug(), post.getTitle(), post.getExcerpt(),
                withMarkdown ? post.getMarkdown() : null, withHtml ? post.getHtml() : null,
                post.statusAt(now), post.getPublishedAt(), post.getCreatedAt(), post.getUpdatedAt(), post.getAuthor(),
                post.getCategory() == null ? null : TermRef.of(post.getCategory(), urls::category),
                post.getTags().stream().map(t -> TermRef.of(t, urls::tag)).toList(),
                post.getReadingTimeMinutes(), urls.post(post.getSlug()), post.getVersion(), post.getSource());
    }
}
