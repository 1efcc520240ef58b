package dev.crosslink.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A post has any number of tags; deleting a tag unlinks it from its posts. */
@Entity
@Table(name = "tag")
public class Tag extends Term {

    protected Tag() {
    }

    public Tag(String slug, String name, String description, boolean listed, Instant now) {
        super(slug, name, description, listed, now);
    }
}
