package dev.crosslink.graph;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What internal links name, for one reader: a link's (type, slug) resolves to the post (through a
 * current or former slug), category or tag it names, or to nothing when it is broken for that
 * reader. The one place the graph resolves links; built for the links at hand
 * ({@link #lookUp}) or for the whole site ({@link GraphSnapshot}).
 */
final class Targets {

    record Resolved(TargetType type, UUID id, String slug, String title) {
        String nodeId() {
            return type.wire() + ":" + slug;
        }

        boolean isPost(UUID post) {
            return type == TargetType.POST && id.equals(post);
        }
    }

    private final Map<String, GraphSource.PostNode> posts;
    private final Map<String, GraphSource.TermNode> categories;
    private final Map<String, GraphSource.TermNode> tags;

    Targets(Map<String, GraphSource.PostNode> posts, Map<String, GraphSource.TermNode> categories,
            Map<String, GraphSource.TermNode> tags) {
        this.posts = posts;
        this.categories = categories;
        this.tags = tags;
    }

    /** The targets of these links: three indexed lookups, whatever the number of links. */
    static Targets lookUp(GraphSource source, Collection<InternalLink> links, GraphSource.Reader reader) {
        Set<String> postSlugs = new HashSet<>();
        Set<String> categorySlugs = new HashSet<>();
        Set<String> tagSlugs = new HashSet<>();
        for (InternalLink link : links) {
            if (link.type() != null && link.slug() != null) {
                (switch (link.type()) {
                    case POST -> postSlugs;
                    case CATEGORY -> categorySlugs;
                    case TAG -> tagSlugs;
                }).add(link.slug());
            }
        }
        return new Targets(source.postsBySlug(postSlugs, reader), source.terms(TargetType.CATEGORY, categorySlugs),
                source.terms(TargetType.TAG, tagSlugs));
    }

    /** What a link names, or null when nothing the reader may see has that slug (broken). */
    Resolved resolve(TargetType type, String slug) {
        if (type == null || slug == null) {
            return null;
        }
        return switch (type) {
            case POST -> {
                GraphSource.PostNode post = posts.get(slug);
                yield post == null ? null : new Resolved(TargetType.POST, post.id(), post.slug(), post.title());
            }
            case CATEGORY -> term(TargetType.CATEGORY, categories.get(slug));
            case TAG -> term(TargetType.TAG, tags.get(slug));
        };
    }

    Resolved resolve(InternalLink link) {
        return resolve(link.type(), link.slug());
    }

    private static Resolved term(TargetType type, GraphSource.TermNode term) {
        return term == null ? null : new Resolved(type, term.id(), term.slug(), term.name());
    }
}
