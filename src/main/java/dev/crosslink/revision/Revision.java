package dev.crosslink.revision;

import dev.crosslink.database.StringListColumn;
import dev.crosslink.post.PostInput;
import dev.crosslink.post.PostStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One recorded state of a post (CONTRACT section 10): its editable content as a write stored it,
 * who wrote it and through which path. Never changed once written; the oldest are deleted past
 * cms.revisions.keep.
 */
@Entity
@Table(name = "post_revision")
class Revision {

    @Id
    private UUID id;

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Column(nullable = false)
    private int number;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(length = 100)
    private String actor;

    @Column(nullable = false, length = 16)
    private String source;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = PostInput.MAX_MARKDOWN)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private String markdown;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(length = 1000)
    private String excerpt;

    @Column(nullable = false, length = 16)
    private PostStatus status;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(nullable = false, length = 200)
    private String author;

    @Column(length = 200)
    private String category;

    @Column(nullable = false, length = 1 << 20)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Convert(converter = StringListColumn.class)
    private List<String> tags;

    protected Revision() {
    }

    Revision(UUID postId, int number, Instant createdAt, String actor, String source, PostInput content) {
        this.id = UUID.randomUUID();
        this.postId = postId;
        this.number = number;
        this.createdAt = createdAt;
        this.actor = actor;
        this.source = source;
        this.title = content.title();
        this.markdown = content.markdown();
        this.slug = content.slug();
        this.excerpt = content.excerpt();
        this.status = content.status();
        this.publishedAt = content.publishedAt();
        this.author = content.author();
        this.category = content.category();
        this.tags = List.copyOf(content.tags());
    }

    /** The content as a PUT would send it. */
    PostInput content() {
        return new PostInput(title, markdown, slug, excerpt, status, publishedAt, author, category, tags);
    }

    UUID postId() {
        return postId;
    }

    int number() {
        return number;
    }

    Instant createdAt() {
        return createdAt;
    }

    String actor() {
        return actor;
    }

    String source() {
        return source;
    }
}

