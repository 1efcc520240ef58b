package dev.crosslink.graph;

import dev.crosslink.post.PostStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the graph is drawn from, read through indexed columns in a handful of queries (never
 * from HTML): posts, former slugs, categories, tags, taxonomy pairs and internal links. Resolves a
 * link's (type, slug) to the thing it names, if it exists and the caller may see it.
 */
final class GraphSnapshot {

    record PostNode(UUID id, String slug, String title, boolean visible, UUID categoryId) {
    }

    record TermNode(UUID id, String slug, String name, boolean listed) {
    }

    record Resolved(TargetType type, UUID id, String slug, String title) {
        String nodeId() {
            return type.wire() + ":" + slug;
        }
    }

    final Map<UUID, PostNode> posts = new HashMap<>();
    final Map<String, PostNode> postsBySlug = new HashMap<>();
    final Map<String, PostNode> postsByFormerSlug = new HashMap<>();
    final Map<UUID, List<String>> formerSlugsOf = new HashMap<>();
    final Map<UUID, TermNode> categories = new HashMap<>();
    final Map<String, TermNode> categoriesBySlug = new HashMap<>();
    final Map<UUID, TermNode> tags = new HashMap<>();
    final Map<String, TermNode> tagsBySlug = new HashMap<>();
    final Map<UUID, List<UUID>> tagsOf = new HashMap<>();
    /** Internal links with a target, by source post, in document order. */
    final Map<UUID, List<LinkRow>> linksFrom = new HashMap<>();

    record LinkRow(UUID source, String href, String text, TargetType type, String slug) {
    }

    void addPost(UUID id, String slug, String title, PostStatus status, Instant publishedAt, UUID categoryId, Instant now,
                 boolean editor) {
        boolean isPublic = status != PostStatus.DRAFT && publishedAt != null && !publishedAt.isAfter(now);
        PostNode node = new PostNode(id, slug, title, editor || isPublic, categoryId);
        posts.put(id, node);
        postsBySlug.put(slug, node);
    }

    void addFormerSlug(String slug, UUID postId) {
        PostNode node = posts.get(postId);
        if (node != null) {
            postsByFormerSlug.put(slug, node);
            formerSlugsOf.computeIfAbsent(postId, k -> new ArrayList<>()).add(slug);
        }
    }

    void addCategory(UUID id, String slug, String name, boolean listed) {
        TermNode node = new TermNode(id, slug, name, listed);
        categories.put(id, node);
        categoriesBySlug.put(slug, node);
    }

    void addTag(UUID id, String slug, String name, boolean listed) {
        TermNode node = new TermNode(id, slug, name, listed);
        tags.put(id, node);
        tagsBySlug.put(slug, node);
    }

    void addTagging(UUID postId, UUID tagId) {
        tagsOf.computeIfAbsent(postId, k -> new ArrayList<>()).add(tagId);
    }

    void addLink(LinkRow row) {
        linksFrom.computeIfAbsent(row.source(), k -> new ArrayList<>()).add(row);
    }

    /** What a link names, or null when nothing visible to this caller has that slug (broken). */
    Resolved resolve(TargetType type, String slug) {
        if (type == null || slug == null) {
            return null;
        }
        return switch (type) {
            case POST -> {
                PostNode post = postsBySlug.get(slug);
                if (post == null) {
                    post = postsByFormerSlug.get(slug);
                }
                yield post == null || !post.visible() ? null : new Resolved(TargetType.POST, post.id(), post.slug(), post.title());
            }
            case CATEGORY -> {
                TermNode term = categoriesBySlug.get(slug);
                yield term == null ? null : new Resolved(TargetType.CATEGORY, term.id(), term.slug(), term.name());
            }
            case TAG -> {
                TermNode term = tagsBySlug.get(slug);
                yield term == null ? null : new Resolved(TargetType.TAG, term.id(), term.slug(), term.name());
            }
        };
    }

    /** The visible post a slug (current or former) names. */
    PostNode visiblePost(String slug) {
        PostNode post = postsBySlug.get(slug);
        if (post == null) {
            post = postsByFormerSlug.get(slug);
        }
        return post != null && post.visible() ? post : null;
    }
}
