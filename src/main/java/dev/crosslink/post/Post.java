package dev.crosslink.post;

import dev.crosslink.markdown.Rendering;
import dev.crosslink.taxonomy.Category;
import dev.crosslink.taxonomy.Tag;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A post with its Markdown and the HTML rendered from it on write. The HTML, excerpt and reading
 * time are only ever set together, from one {@link Rendering}, so they never disagree.
 */
@Entity
@Table(name = "post")
public class Post {

    /** The html column's size; Markdown that renders to more is refused. */
    public static final int MAX_HTML = 4 << 20;

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "custom_excerpt", length = 1000)
    private String customExcerpt;

    @Column(nullable = false, length = 1000)
    private String excerpt;

    // Read only when asked for: a list or the graph never loads a body (PostBody).
    @OneToOne(mappedBy = "post", fetch = FetchType.LAZY, optional = false, cascade = CascadeType.ALL)
    private PostBody body;

    @Column(name = "reading_time_minutes", nullable = false)
    private int readingTimeMinutes;

    @Column(nullable = false, length = 16)
    private PostStatus status;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(length = 2000)
    private String guid;

    @Column(nullable = false, length = 200)
    private String author;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToMany
    @JoinTable(name = "post_tag", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderColumn(name = "position")
    private List<Tag> tags = new ArrayList<>();

    @Embedded
    private PostSource source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Column(name = "updated_by", length = 100)
    private String updatedBy;

    @Version
    private long version;

    protected Post() {
    }

    public Post(PostSource source, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.source = source;
        this.createdAt = now;
        this.createdBy = createdBy;
        this.updatedAt = now;
        this.updatedBy = createdBy;
        this.body = new PostBody(this);
    }

    /** Public: not a draft, and its publication instant has passed. */
    public boolean isPublicAt(Instant now) {
        return status != PostStatus.DRAFT && publishedAt != null && !publishedAt.isAfter(now);
    }

    /** Public now or at a set instant (published or scheduled): what anonymous readers see, now or later. */
    public boolean isVisibleSomeday() {
        return status != PostStatus.DRAFT && publishedAt != null;
    }

    /** A scheduled post whose time has come reads as published, with no job needed to flip it. */
    public PostStatus statusAt(Instant now) {
        return status == PostStatus.SCHEDULED && isPublicAt(now) ? PostStatus.PUBLISHED : status;
    }

    /** Sets the publication state; the guid is fixed the first time the post leaves draft. */
    void publication(PostStatus status, Instant publishedAt, String permalink) {
        this.status = status;
        this.publishedAt = publishedAt;
        if (status != PostStatus.DRAFT && guid == null) {
            guid = permalink;
        }
    }

    void adoptGuid(String guid) {
        this.guid = guid;
    }

    void content(String title, String markdown, String customExcerpt, Rendering rendering) {
        this.title = title;
        body.markdown(markdown);
        this.customExcerpt = customExcerpt;
        rendered(rendering);
    }

    /** Stores a rendering of the current Markdown; true when anything stored changed. */
    boolean rendered(Rendering rendering) {
        String newExcerpt = excerptOf(customExcerpt, rendering);
        boolean changed = !rendering.html().equals(body.html()) || !newExcerpt.equals(excerpt)
                || rendering.readingTimeMinutes() != readingTimeMinutes;
        body.html(rendering.html());
        this.excerpt = newExcerpt;
        this.readingTimeMinutes = rendering.readingTimeMinutes();
        return changed;
    }

    /** What readers get as the excerpt: the editor's own, else the one derived from the rendering. */
    public static String excerptOf(String customExcerpt, Rendering rendering) {
        return customExcerpt != null ? customExcerpt : rendering.excerpt();
    }

    void slug(String slug) {
        this.slug = slug;
    }

    void author(String author) {
        this.author = author;
    }

    void classify(Category category, List<Tag> tags) {
        this.category = category;
        this.tags.clear();
        this.tags.addAll(tags);
    }

    public void untag(Tag tag) {
        tags.remove(tag);
    }

    void touched(String by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public String getCustomExcerpt() {
        return customExcerpt;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getMarkdown() {
        return body.markdown();
    }

    public String getHtml() {
        return body.html();
    }

    public int getReadingTimeMinutes() {
        return readingTimeMinutes;
    }

    public PostStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getGuid() {
        return guid;
    }

    public String getAuthor() {
        return author;
    }

    public Category getCategory() {
        return category;
    }

    public List<Tag> getTags() {
        return tags;
    }

    public PostSource getSource() {
        return source;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
