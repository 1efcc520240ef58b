package dev.crosslink.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** What categories and tags share: a unique slug, a name and a description. */
@MappedSuperclass
public abstract class Term {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * Public at once, whatever uses it: made through /api/categories or /api/tags. A term that
     * exists only because a post named it is not, and anonymous callers see it only once a public
     * post uses it (CONTRACT section 7), so a draft's tags never tell what it is about.
     */
    @Column(nullable = false)
    private boolean listed;

    @Version
    private long version;

    protected Term() {
    }

    protected Term(String slug, String name, String description, boolean listed, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        this.listed = listed;
        change(slug, name, description, now);
    }

    public final void change(String slug, String name, String description, Instant now) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isListed() {
        return listed;
    }

    public long getVersion() {
        return version;
    }
}
