package dev.crosslink.graph;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LinkRepository implements PanacheRepositoryBase<Link, UUID> {

    /** Replaces a post's links with those in its current HTML. */
    public void replaceLinks(UUID postId, List<ExtractedLink> links) {
        delete("postId", postId);
        for (int i = 0; i < links.size(); i++) {
            persist(new Link(postId, i, links.get(i)));
        }
    }

    public List<Link> to(TargetType type, List<String> slugs) {
        return find("targetType = ?1 and targetSlug in ?2", Sort.by("position"), type.wire(), slugs).list();
    }
}
