package dev.crosslink.graph;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * One link in a post's stored HTML, as extracted on write. An internal link names its target by
 * type and slug; which post, category or tag that is gets decided when the graph is read.
 */
@Entity
@Table(name = "post_link")
public class Link {

    public enum Kind { INTERNAL, EXTERNAL }

    @Id
    private UUID id;

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 2000)
    private String href;

    @Column(nullable = false, length = 1000)
    private String text;

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(name = "target_type", length = 16)
    private String targetType;

    @Column(name = "target_slug", length = 200)
    private String targetSlug;

    protected Link() {
    }

    Link(UUID postId, int position, ExtractedLink extracted) {
        this.id = UUID.randomUUID();
        this.postId = postId;
        this.position = position;
        this.href = extracted.href();
        this.text = extracted.text();
        this.kind = extracted.internal() ? "internal" : "external";
        this.targetType = extracted.targetType() == null ? null : extracted.targetType().wire();
        this.targetSlug = extracted.targetSlug();
    }

    public UUID getPostId() {
        return postId;
    }

    public int getPosition() {
        return position;
    }

    public String getHref() {
        return href;
    }

    public String getText() {
        return text;
    }

    public boolean isInternal() {
        return "internal".equals(kind);
    }

    public TargetType getTargetType() {
        return targetType == null ? null : TargetType.fromWire(targetType);
    }

    public String getTargetSlug() {
        return targetSlug;
    }
}
