package dev.crosslink.graph;

import dev.crosslink.graph.GraphSource.PostNode;
import dev.crosslink.graph.GraphSource.Reader;
import dev.crosslink.graph.GraphSource.TermNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The part of the graph one answer draws, for one reader, read as small rows (never a post's body
 * or HTML): the posts and terms drawn, the posts' tags and internal links, and what those links
 * name. {@link #wholeSite} reads the site in a handful of queries; {@link #around} reads outward
 * from one post, so its cost is that post's neighbourhood. {@link GraphWriter} writes it out.
 */
final class GraphSnapshot {

    final Map<UUID, PostNode> posts;
    final Map<UUID, TermNode> categories;
    final Map<UUID, TermNode> tags;
    final Map<UUID, List<UUID>> tagsOf;
    /** Internal links by source post; for the whole site without their href and text. */
    final Map<UUID, List<InternalLink>> linksFrom;
    final Targets targets;

    private GraphSnapshot(Map<UUID, PostNode> posts, Map<UUID, TermNode> categories, Map<UUID, TermNode> tags,
                          Map<UUID, List<UUID>> tagsOf, Map<UUID, List<InternalLink>> linksFrom, Targets targets) {
        this.posts = posts;
        this.categories = categories;
        this.tags = tags;
        this.tagsOf = tagsOf;
        this.linksFrom = linksFrom;
        this.targets = targets;
    }

    /**
     * Every post the reader may see, and the terms they may see: every one for editors; for
     * anyone else those made through their endpoints and those a public post uses (CONTRACT section 7).
     */
    static GraphSnapshot wholeSite(GraphSource source, LinkRepository links, Reader reader) {
        Map<UUID, PostNode> posts = new HashMap<>();
        Map<String, PostNode> bySlug = new HashMap<>();
        for (PostNode post : source.allPosts(reader)) {
            posts.put(post.id(), post);
            bySlug.put(post.slug(), post);
        }
        source.allFormerSlugs().forEach((slug, id) -> {
            if (posts.containsKey(id)) {
                bySlug.put(slug, posts.get(id));
            }
        });
        Map<UUID, List<UUID>> tagsOf = new HashMap<>();
        for (UUID[] pair : source.allTaggings()) {
            if (posts.containsKey(pair[0])) {
                tagsOf.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
            }
        }
        Set<UUID> used = new HashSet<>();
        posts.values().forEach(p -> used.add(p.categoryId()));
        tagsOf.values().forEach(used::addAll);
        Map<String, TermNode> categoriesBySlug = new HashMap<>();
        Map<UUID, TermNode> categories = drawn(source.allTerms(TargetType.CATEGORY), categoriesBySlug, used, reader);
        Map<String, TermNode> tagsBySlug = new HashMap<>();
        Map<UUID, TermNode> tags = drawn(source.allTerms(TargetType.TAG), tagsBySlug, used, reader);
        Map<UUID, List<InternalLink>> linksFrom = new HashMap<>();
        for (InternalLink link : links.allTargets()) {
            if (posts.containsKey(link.source())) {
                linksFrom.computeIfAbsent(link.source(), k -> new ArrayList<>()).add(link);
            }
        }
        linksFrom.values().forEach(l -> l.sort(Comparator.comparingInt(InternalLink::position)));
        return new GraphSnapshot(posts, categories, tags, tagsOf, linksFrom, new Targets(bySlug, categoriesBySlug, tagsBySlug));
    }

    /**
     * The nodes within {@code depth} steps of one post, edges of the given types followed both
     * ways, read outward from it: each step asks only for the neighbours of the nodes the last
     * step reached, through the link, post and taxonomy indexes.
     */
    static GraphSnapshot around(GraphSource source, LinkRepository links, Reader reader, PostNode start, Set<String> types,
                                int depth) {
        boolean linksTo = types.contains("links_to");
        Map<UUID, PostNode> posts = new HashMap<>(Map.of(start.id(), start));
        Map<UUID, TermNode> categories = new HashMap<>();
        Map<UUID, TermNode> tags = new HashMap<>();
        Set<UUID> postStep = Set.of(start.id());
        Set<UUID> categoryStep = Set.of();
        Set<UUID> tagStep = Set.of();
        for (int step = 0; step < depth; step++) {
            Set<UUID> reachedPosts = new HashSet<>();
            Set<UUID> reachedCategories = new HashSet<>();
            Set<UUID> reachedTags = new HashSet<>();
            if (linksTo) {
                // outward along links, and back along the links that lead here
                List<InternalLink> out = links.internalFrom(postStep);
                Targets targets = Targets.lookUp(source, out, reader);
                for (InternalLink link : out) {
                    Targets.Resolved target = targets.resolve(link);
                    if (target != null) {
                        (switch (target.type()) {
                            case POST -> reachedPosts;
                            case CATEGORY -> reachedCategories;
                            case TAG -> reachedTags;
                        }).add(target.id());
                    }
                }
                List<String> slugs = source.slugsOf(postStep).values().stream().flatMap(List::stream).toList();
                links.internalTo(TargetType.POST, slugs).forEach(l -> reachedPosts.add(l.source()));
                links.internalTo(TargetType.CATEGORY, slugsOf(categories, categoryStep)).forEach(l -> reachedPosts.add(l.source()));
                links.internalTo(TargetType.TAG, slugsOf(tags, tagStep)).forEach(l -> reachedPosts.add(l.source()));
            }
            if (types.contains("in_category")) {
                postStep.forEach(id -> {
                    UUID category = posts.get(id).categoryId();
                    if (category != null) {
                        reachedCategories.add(category);
                    }
                });
                categoryStep.forEach(category -> reachedPosts.addAll(source.postsInCategory(category, reader)));
            }
            if (types.contains("tagged")) {
                source.tagsOf(postStep).values().forEach(reachedTags::addAll);
                reachedPosts.addAll(source.postsTagged(tagStep, reader).keySet());
            }
            reachedPosts.removeAll(posts.keySet());
            reachedCategories.removeAll(categories.keySet());
            reachedTags.removeAll(tags.keySet());
            Map<UUID, PostNode> newPosts = source.postsById(reachedPosts, reader);
            Map<UUID, TermNode> newCategories = visible(source, TargetType.CATEGORY, reachedCategories, reader);
            Map<UUID, TermNode> newTags = visible(source, TargetType.TAG, reachedTags, reader);
            posts.putAll(newPosts);
            categories.putAll(newCategories);
            tags.putAll(newTags);
            postStep = newPosts.keySet();
            categoryStep = newCategories.keySet();
            tagStep = newTags.keySet();
        }
        // the edges between the nodes reached: every one starts at a post
        Map<UUID, List<InternalLink>> linksFrom = new HashMap<>();
        List<InternalLink> all = linksTo ? links.internalFrom(posts.keySet()) : List.of();
        all.forEach(link -> linksFrom.computeIfAbsent(link.source(), k -> new ArrayList<>()).add(link));
        return new GraphSnapshot(posts, categories, tags, source.tagsOf(posts.keySet()), linksFrom,
                Targets.lookUp(source, all, reader));
    }

    private static List<String> slugsOf(Map<UUID, TermNode> terms, Collection<UUID> ids) {
        return ids.stream().map(id -> terms.get(id).slug()).toList();
    }

    /** Every term by slug (links resolve to any), and by id those drawn: all for editors, else listed or used. */
    private static Map<UUID, TermNode> drawn(List<TermNode> terms, Map<String, TermNode> bySlug, Set<UUID> used, Reader reader) {
        Map<UUID, TermNode> drawn = new HashMap<>();
        for (TermNode term : terms) {
            bySlug.put(term.slug(), term);
            if (reader.editor() || term.listed() || used.contains(term.id())) {
                drawn.put(term.id(), term);
            }
        }
        return drawn;
    }

    /** Terms the reader may see: all for editors, else the listed ones and those a public post uses. */
    private static Map<UUID, TermNode> visible(GraphSource source, TargetType type, Set<UUID> ids, Reader reader) {
        Map<UUID, TermNode> terms = new HashMap<>(source.termsById(type, ids));
        if (!reader.editor()) {
            Set<UUID> used = source.usedTerms(type, terms.keySet(), reader);
            terms.values().removeIf(t -> !t.listed() && !used.contains(t.id()));
        }
        return terms;
    }
}
