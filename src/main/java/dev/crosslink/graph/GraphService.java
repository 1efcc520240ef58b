package dev.crosslink.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crosslink.graph.GraphSource.PostNode;
import dev.crosslink.graph.GraphSource.Reader;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.SiteUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cross-link graph (CONTRACT section 6), read from the link table and the taxonomy through
 * indexed queries: HTML is never scanned on read. Anonymous callers see public posts only, and no
 * edge leads to a post they cannot see. One post's links, backlinks and related posts read that
 * post's neighbourhood only; the whole graph reads the site ({@link GraphSnapshot}).
 */
@ApplicationScoped
public class GraphService {

    public static final Set<String> EDGE_TYPES = Set.of("links_to", "in_category", "tagged");

    private final GraphSource source;
    private final LinkRepository links;
    private final SiteUrls urls;
    private final Clock clock;
    private final ObjectMapper mapper;

    public GraphService(GraphSource source, LinkRepository links, SiteUrls urls, Clock clock, ObjectMapper mapper) {
        this.source = source;
        this.links = links;
        this.urls = urls;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * The whole graph, or one post's neighbourhood, read inside the transaction and written out
     * by the returned writer afterwards (it needs no database).
     */
    @Transactional
    public StreamingOutput graph(boolean editor, Set<String> types, String around, int depth) {
        Reader reader = reader(editor);
        GraphSnapshot snapshot = around == null ? GraphSnapshot.wholeSite(source, links, reader)
                : GraphSnapshot.around(source, links, reader, requirePost(around, reader), types, depth);
        return new GraphWriter(snapshot, types, urls, mapper);
    }

    @Transactional
    public List<GraphViews.LinkView> links(String slug, boolean editor) {
        Reader reader = reader(editor);
        PostNode post = requirePost(slug, reader);
        List<Link> all = links.from(post.id());
        Targets targets = Targets.lookUp(source, all.stream().filter(Link::isInternal)
                .map(l -> new InternalLink(post.id(), l.getPosition(), l.getHref(), l.getText(), l.getTargetType(), l.getTargetSlug()))
                .toList(), reader);
        List<GraphViews.LinkView> views = new ArrayList<>();
        for (Link link : all) {
            if (!link.isInternal()) {
                views.add(new GraphViews.LinkView(link.getHref(), link.getText(), "external", null, false));
                continue;
            }
            Targets.Resolved target = targets.resolve(link.getTargetType(), link.getTargetSlug());
            views.add(new GraphViews.LinkView(link.getHref(), link.getText(), "internal",
                    target == null ? null : new GraphViews.Target(target.type().wire(), target.slug(), target.title()),
                    target == null));
        }
        return views;
    }

    /** The posts that link to this one through any slug it has had, by slug, each with its first such link's text. */
    @Transactional
    public List<GraphViews.Backlink> backlinks(String slug, boolean editor) {
        Reader reader = reader(editor);
        PostNode post = requirePost(slug, reader);
        Map<UUID, InternalLink> first = new HashMap<>();
        for (InternalLink link : linksTo(post)) {
            first.merge(link.source(), link, (a, b) -> a.position() <= b.position() ? a : b);
        }
        Map<UUID, PostNode> sources = source.postsById(first.keySet(), reader);
        return sources.values().stream().sorted(Comparator.comparing(PostNode::slug))
                .map(s -> new GraphViews.Backlink(s.slug(), s.title(), urls.post(s.slug()), first.get(s.id()).text()))
                .toList();
    }

    /**
     * Other visible posts ranked by how much they share with this one (docs/graph.md):
     * 3 for each direct link between the two (either way), 2 for each link target both link to,
     * 1 for each post that links to both, 1 for each shared tag and 1 for the same category.
     * Only posts within two steps of this one can score, so only they are read.
     */
    @Transactional
    public List<GraphViews.Related> related(String slug, int limit, boolean editor) {
        Reader reader = reader(editor);
        PostNode post = requirePost(slug, reader);
        Map<UUID, Integer> score = new HashMap<>();

        // what it links to: 3 for each post; every target is also one the others may share
        Set<Targets.Resolved> mine = outbound(List.of(post.id()), reader).getOrDefault(post.id(), Set.of());
        mine.stream().filter(t -> t.type() == TargetType.POST).forEach(t -> score.merge(t.id(), 3, Integer::sum));

        // what links to it: 3 for each post; and 1 to each other post that such a post links to
        Set<UUID> backlinkers = new HashSet<>();
        for (InternalLink link : linksTo(post)) {
            if (!link.source().equals(post.id())) {
                backlinkers.add(link.source());
            }
        }
        backlinkers.retainAll(source.postsById(backlinkers, reader).keySet());
        backlinkers.forEach(s -> score.merge(s, 3, Integer::sum));
        outbound(backlinkers, reader).values().forEach(targets -> targets.stream()
                .filter(t -> t.type() == TargetType.POST).forEach(t -> score.merge(t.id(), 1, Integer::sum)));

        // 2 for each of its targets another post links to as well
        Map<UUID, Set<String>> sharing = new HashMap<>();
        Map<UUID, List<String>> postTargetSlugs = source.slugsOf(mine.stream()
                .filter(t -> t.type() == TargetType.POST).map(Targets.Resolved::id).toList());
        for (Targets.Resolved target : mine) {
            List<String> slugs = target.type() == TargetType.POST ? postTargetSlugs.getOrDefault(target.id(), List.of())
                    : List.of(target.slug());
            for (InternalLink link : links.internalTo(target.type(), slugs)) {
                if (!target.isPost(link.source())) { // a post's link to itself is not a shared target
                    sharing.computeIfAbsent(link.source(), k -> new HashSet<>()).add(target.nodeId());
                }
            }
        }
        sharing.forEach((other, shared) -> score.merge(other, 2 * shared.size(), Integer::sum));

        // 1 for each shared tag and 1 for the same category: the posts linked so far get theirs from
        // their own tags; of all other posts only the best few can make the list, so only they are read
        score.remove(post.id());
        Map<UUID, PostNode> nodes = new HashMap<>(source.postsById(score.keySet(), reader));
        score.keySet().retainAll(nodes.keySet());
        List<UUID> tags = source.tagsOf(List.of(post.id())).getOrDefault(post.id(), List.of());
        source.tagsOf(score.keySet()).forEach((other, theirs) ->
                score.merge(other, (int) theirs.stream().filter(tags::contains).count(), Integer::sum));
        if (post.categoryId() != null) {
            nodes.values().stream().filter(p -> post.categoryId().equals(p.categoryId()))
                    .forEach(p -> score.merge(p.id(), 1, Integer::sum));
        }
        Set<UUID> scored = new HashSet<>(score.keySet());
        scored.add(post.id());
        for (GraphSource.Sharing other : source.sharingTerms(tags, post.categoryId(), scored, limit, reader)) {
            nodes.put(other.post().id(), other.post());
            score.put(other.post().id(), other.score());
        }
        return nodes.values().stream()
                .sorted(Comparator.comparing((PostNode p) -> score.get(p.id())).reversed().thenComparing(PostNode::slug))
                .limit(limit)
                .map(p -> new GraphViews.Related(p.slug(), p.title(), urls.post(p.slug()), score.get(p.id())))
                .toList();
    }

    /** Every broken internal link (editors see every post, so broken means nothing has that slug). */
    @Transactional
    public List<GraphViews.BrokenLinks> brokenLinks() {
        Reader reader = reader(true);
        List<InternalLink> all = links.allInternal();
        Targets targets = Targets.lookUp(source, all, reader);
        Map<UUID, List<GraphViews.BrokenLink>> bySource = new LinkedHashMap<>();
        for (InternalLink link : all) {
            if (targets.resolve(link) == null) {
                bySource.computeIfAbsent(link.source(), k -> new ArrayList<>()).add(new GraphViews.BrokenLink(link.href(), link.text()));
            }
        }
        return source.postsById(bySource.keySet(), reader).values().stream()
                .sorted(Comparator.comparing(PostNode::slug))
                .map(p -> new GraphViews.BrokenLinks(new GraphViews.PostRef(p.slug(), p.title(), urls.post(p.slug())),
                        bySource.get(p.id())))
                .toList();
    }

    /** The links that name this post through any slug it has had (ix_post_link_target). */
    private List<InternalLink> linksTo(PostNode post) {
        return links.internalTo(TargetType.POST, source.slugsOf(List.of(post.id())).getOrDefault(post.id(), List.of()));
    }

    /** What each of these posts links to that the reader may see, a post's links to itself left out. */
    private Map<UUID, Set<Targets.Resolved>> outbound(Collection<UUID> posts, Reader reader) {
        List<InternalLink> from = links.internalFrom(posts);
        Targets targets = Targets.lookUp(source, from, reader);
        Map<UUID, Set<Targets.Resolved>> out = new HashMap<>();
        for (InternalLink link : from) {
            Targets.Resolved target = targets.resolve(link);
            if (target != null && !target.isPost(link.source())) {
                out.computeIfAbsent(link.source(), k -> new HashSet<>()).add(target);
            }
        }
        return out;
    }

    private PostNode requirePost(String slug, Reader reader) {
        return source.post(slug, reader).orElseThrow(() -> ProblemException.notFound("post", slug));
    }

    private Reader reader(boolean editor) {
        return new Reader(editor, clock.instant());
    }
}
