package dev.crosslink.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A post has at most one category; a category in use cannot be deleted. */
@Entity
@Table(name = "category")
public class Category extends Term {

    protected Category() {
    }

    public Category(String slug, String name, String description, boolean listed, Instant now) {
        super(slug, name, description, listed, now);
    }
}
