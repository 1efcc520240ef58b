package dev.crosslink.graph;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the graph needs to know about posts and terms. The graph owns the links; which posts
 * exist, which of them a reader may see (the public rule) and which slugs a post has had belong to
 * the post room, which answers through this interface so that the graph never reaches into it.
 *
 * <p>Every lookup is by id, slug or term through an index, so a question about one post costs
 * what its neighbourhood costs, not what the site does. Post lookups answer only posts the reader
 * may see: to anyone else, a post they may not see does not exist.
 */
public interface GraphSource {

    /** Editors see every post; anyone else the posts public at {@code now}. */
    record Reader(boolean editor, Instant now) {
    }

    record PostNode(UUID id, String slug, String title, UUID categoryId) {
    }

    record TermNode(UUID id, String slug, String name, boolean listed) {
    }

    /** The post that has, or had, this slug. */
    Optional<PostNode> post(String slug, Reader reader);

    /** The posts these slugs (current or former) name, keyed by the slug asked for. */
    Map<String, PostNode> postsBySlug(Collection<String> slugs, Reader reader);

    Map<UUID, PostNode> postsById(Collection<UUID> ids, Reader reader);

    /** Every slug a post answers to: its current one and its former ones, visible or not. */
    Map<UUID, List<String>> slugsOf(Collection<UUID> postIds);

    /** These posts' tags, each post's in its order. */
    Map<UUID, List<UUID>> tagsOf(Collection<UUID> postIds);

    /** The posts with any of these tags, with how many of them each has. */
    Map<UUID, Integer> postsTagged(Collection<UUID> tagIds, Reader reader);

    List<UUID> postsInCategory(UUID categoryId, Reader reader);

    /** A post, and how much it shares with another. */
    record Sharing(PostNode post, int score) {
    }

    /**
     * The best {@code limit} posts by what they share with a post of these tags and this category
     * (null for none): a point for each of the tags they carry and one for the same category, ties
     * by slug. Posts in {@code except} and posts that share nothing are left out. Its cost is
     * bounded by the tags' posts and the limit, never by how many posts the category holds.
     */
    List<Sharing> sharingTerms(Collection<UUID> tagIds, UUID categoryId, Set<UUID> except, int limit, Reader reader);

    /** Categories or tags by slug; terms are not hidden here, the graph decides what it draws. */
    Map<String, TermNode> terms(TargetType type, Collection<String> slugs);

    Map<UUID, TermNode> termsById(TargetType type, Collection<UUID> ids);

    /** Those of these categories or tags that a post the reader may see uses. */
    Set<UUID> usedTerms(TargetType type, Collection<UUID> ids, Reader reader);

    /** For the whole graph: every post the reader may see. */
    List<PostNode> allPosts(Reader reader);

    /** For the whole graph: every former slug, with the post it leads to. */
    Map<String, UUID> allFormerSlugs();

    /** For the whole graph: every category or tag. */
    List<TermNode> allTerms(TargetType type);

    /** For the whole graph: every (post id, tag id) pair, each post's in its order. */
    List<UUID[]> allTaggings();
}
