package dev.crosslink.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A slug a post had before; GETs on it answer 301 and links to it still resolve. */
@Entity
@Table(name = "post_former_slug")
public class FormerSlug {

    @Id
    @Column(length = 200)
    private String slug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    @Column(name = "retired_at", nullable = false)
    private Instant retiredAt;

    protected FormerSlug() {
    }

    FormerSlug(String slug, Post post, Instant retiredAt) {
        this.slug = slug;
        this.post = post;
        this.retiredAt = retiredAt;
    }

    public String getSlug() {
        return slug;
    }

    public Post getPost() {
        return post;
    }
}
