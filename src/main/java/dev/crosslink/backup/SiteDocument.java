package dev.crosslink.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crosslink.post.PostInput;
import dev.crosslink.post.PostSource;
import dev.crosslink.post.PostStatus;
import dev.crosslink.taxonomy.TermInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The export document (CONTRACT section 12; docs/backup.md says how it evolves): a header, then
 * {@code categories}, {@code tags}, {@code posts} and (since version 2) {@code webhooks}, in that order, so that a restore reads it as a
 * stream and every name a post uses is known before the post. These records are the format, both
 * ways: the export writes them and the restore reads them, so the two cannot drift apart. Stored
 * values are carried as stored (ids, timestamps, versions, guids), derived ones (HTML, excerpts,
 * reading times, links, search words) are not: a restore derives them again on write. Numbers are
 * boxed so that a missing one is told from a zero.
 */
@Schema(name = "SiteExport", description = "The whole site as one document (format " + SiteDocument.FORMAT
        + ", version " + SiteDocument.VERSION + ")", requiredProperties = {"format", "version", "exportedAt", "site",
        "categories", "tags", "posts", "webhooks"})
public record SiteDocument(String format, int version, Instant exportedAt, String site,
                           List<Term> categories, List<Term> tags, List<Post> posts,
                           @Schema(description = "Since version 2; without their secrets") List<Webhook> webhooks) {

    public static final String FORMAT = "crosslink-export";
    /** The version this build writes. */
    public static final int VERSION = 2;
    /** The versions this build's restore reads: 1 has no webhooks. */
    public static final List<Integer> READS = List.of(1, 2);

    @Schema(name = "ExportedTerm", requiredProperties = {"id", "slug", "name", "description", "listed", "createdAt",
            "updatedAt", "version"})
    public record Term(UUID id, String slug, String name, @Schema(nullable = true) String description, Boolean listed,
                       Instant createdAt, Instant updatedAt, Long version) {

        TermInput content() {
            return new TermInput(name, slug, description);
        }
    }

    @Schema(name = "ExportedPost", requiredProperties = {"id", "slug", "title", "markdown", "excerpt", "status",
            "publishedAt", "guid", "author", "category", "tags", "source", "createdAt", "createdBy", "updatedAt",
            "updatedBy", "version", "formerSlugs", "revisions"})
    public record Post(UUID id, String slug, String title, String markdown,
                       @Schema(nullable = true, description = "The excerpt the editor wrote; null when derived") String excerpt,
                       PostStatus status, @Schema(nullable = true) Instant publishedAt,
                       @Schema(nullable = true) String guid, String author, @Schema(nullable = true) String category,
                       List<String> tags, PostSource source, Instant createdAt, @Schema(nullable = true) String createdBy,
                       Instant updatedAt, @Schema(nullable = true) String updatedBy, Long version,
                       List<FormerSlug> formerSlugs, List<Revision> revisions) {

        PostInput content() {
            return new PostInput(title, markdown, slug, excerpt, status, publishedAt, author, category, tags);
        }

        /** The same post with another list of revisions (a restore keeps at most cms.revisions.keep). */
        Post withRevisions(List<Revision> kept) {
            return new Post(id, slug, title, markdown, excerpt, status, publishedAt, guid, author, category, tags, source,
                    createdAt, createdBy, updatedAt, updatedBy, version, formerSlugs, kept);
        }
    }

    @Schema(name = "ExportedFormerSlug", requiredProperties = {"slug", "retiredAt"})
    public record FormerSlug(String slug, Instant retiredAt) {
    }

    @Schema(name = "ExportedRevision", requiredProperties = {"number", "createdAt", "actor", "source", "title",
            "markdown", "slug", "excerpt", "status", "publishedAt", "author", "category", "tags"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Revision(Integer number, Instant createdAt, @Schema(nullable = true) String actor,
                           @Schema(enumeration = {"api", "import", "restore", "rerender"}) String source,
                           String title, String markdown, String slug, @Schema(nullable = true) String excerpt,
                           PostStatus status, @Schema(nullable = true) Instant publishedAt, String author,
                           @Schema(nullable = true) String category, List<String> tags) {

        PostInput content() {
            return new PostInput(title, markdown, slug, excerpt, status, publishedAt, author, category, tags);
        }
    }

    /** A webhook without its secret: a restore gives it a new one, shown once in its answer. */
    @Schema(name = "ExportedWebhook", requiredProperties = {"id", "url", "events", "description", "enabled", "createdAt",
            "updatedAt"})
    public record Webhook(UUID id, String url, List<String> events, @Schema(nullable = true) String description,
                          Boolean enabled, Instant createdAt, Instant updatedAt) {
    }
}
