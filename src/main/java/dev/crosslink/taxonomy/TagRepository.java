package dev.crosslink.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TagRepository implements PanacheRepositoryBase<Tag, UUID> {

    public Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Tag> findByNameIgnoreCase(String name) {
        return find("lower(name) = ?1", name.toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }
}
