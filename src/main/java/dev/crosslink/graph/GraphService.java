package dev.crosslink.graph;

import dev.crosslink.post.PostStatus;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.SiteUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cross-link graph (CONTRACT section 6), read from the link table and the taxonomy through
 * indexed queries: HTML is never scanned on read. Anonymous callers see public posts only, and no
 * edge leads to a post they cannot see.
 */
@ApplicationScoped
public class GraphService {

    public static final Set<String> EDGE_TYPES = Set.of("links_to", "in_category", "tagged");

    private final EntityManager em;
    private final SiteUrls urls;

    public GraphService(EntityManager em, SiteUrls urls) {
        this.em = em;
        this.urls = urls;
    }

    @Transactional
    public GraphViews.Graph graph(boolean editor, Set<String> types, String around, int depth) {
        GraphSnapshot g = snapshot(editor);
        Map<String, GraphViews.Node> nodes = new LinkedHashMap<>();
        for (GraphSnapshot.PostNode post : g.posts.values()) {
            if (post.visible()) {
                nodes.put("post:" + post.slug(), new GraphViews.Node("post:" + post.slug(), "post", post.slug(), post.title(),
                        urls.post(post.slug())));
            }
        }
        // A term only a draft or scheduled post uses is not shown to anonymous callers (CONTRACT section 7).
        Set<UUID> usedCategories = new HashSet<>();
        Set<UUID> usedTags = new HashSet<>();
        for (GraphSnapshot.PostNode post : g.posts.values()) {
            if (post.visible()) {
                if (post.categoryId() != null) {
                    usedCategories.add(post.categoryId());
                }
                usedTags.addAll(g.tagsOf.getOrDefault(post.id(), List.of()));
            }
        }
        g.categories.values().stream().filter(c -> editor || c.listed() || usedCategories.contains(c.id()))
                .forEach(c -> nodes.put("category:" + c.slug(),
                        new GraphViews.Node("category:" + c.slug(), "category", c.slug(), c.name(), urls.category(c.slug()))));
        g.tags.values().stream().filter(t -> editor || t.listed() || usedTags.contains(t.id()))
                .forEach(t -> nodes.put("tag:" + t.slug(),
                        new GraphViews.Node("tag:" + t.slug(), "tag", t.slug(), t.name(), urls.tag(t.slug()))));

        Set<GraphViews.Edge> edges = new LinkedHashSet<>();
        for (GraphSnapshot.PostNode post : g.posts.values()) {
            if (!post.visible()) {
                continue;
            }
            String source = "post:" + post.slug();
            if (types.contains("links_to")) {
                for (GraphSnapshot.LinkRow link : g.linksFrom.getOrDefault(post.id(), List.of())) {
                    GraphSnapshot.Resolved target = g.resolve(link.type(), link.slug());
                    if (target != null && nodes.containsKey(target.nodeId())) {
                        edges.add(new GraphViews.Edge(source, target.nodeId(), "links_to"));
                    }
                }
            }
            if (types.contains("in_category") && post.categoryId() != null) {
                edges.add(new GraphViews.Edge(source, "category:" + g.categories.get(post.categoryId()).slug(), "in_category"));
            }
            if (types.contains("tagged")) {
                for (UUID tag : g.tagsOf.getOrDefault(post.id(), List.of())) {
                    edges.add(new GraphViews.Edge(source, "tag:" + g.tags.get(tag).slug(), "tagged"));
                }
            }
        }
        if (around != null) {
            return neighbourhood(nodes, edges, around, depth);
        }
        return new GraphViews.Graph(sorted(nodes.values()), List.copyOf(edges));
    }

    /** The nodes within depth steps of one post (edges followed both ways), and the edges between them. */
    private static GraphViews.Graph neighbourhood(Map<String, GraphViews.Node> nodes, Set<GraphViews.Edge> edges,
                                                  String slug, int depth) {
        String start = "post:" + slug;
        if (!nodes.containsKey(start)) {
            throw ProblemException.notFound("post", slug);
        }
        Map<String, List<String>> adjacent = new HashMap<>();
        for (GraphViews.Edge edge : edges) {
            adjacent.computeIfAbsent(edge.source(), k -> new ArrayList<>()).add(edge.target());
            adjacent.computeIfAbsent(edge.target(), k -> new ArrayList<>()).add(edge.source());
        }
        Map<String, Integer> distance = new HashMap<>(Map.of(start, 0));
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            int d = distance.get(node);
            if (d == depth) {
                continue;
            }
            for (String next : adjacent.getOrDefault(node, List.of())) {
                if (distance.putIfAbsent(next, d + 1) == null) {
                    queue.add(next);
                }
            }
        }
        List<GraphViews.Node> kept = sorted(nodes.values().stream().filter(n -> distance.containsKey(n.id())).toList());
        List<GraphViews.Edge> keptEdges = edges.stream()
                .filter(e -> distance.containsKey(e.source()) && distance.containsKey(e.target())).toList();
        return new GraphViews.Graph(kept, keptEdges);
    }

    private static List<GraphViews.Node> sorted(java.util.Collection<GraphViews.Node> nodes) {
        return nodes.stream().sorted(Comparator.comparing(GraphViews.Node::type).thenComparing(GraphViews.Node::slug)).toList();
    }

    @Transactional
    public List<GraphViews.LinkView> links(String slug, boolean editor) {
        GraphSnapshot g = snapshot(editor);
        GraphSnapshot.PostNode post = requireVisible(g, slug);
        List<GraphViews.LinkView> views = new ArrayList<>();
        for (Link link : em.createQuery("select l from Link l where l.postId = :id order by l.position", Link.class)
                .setParameter("id", post.id()).getResultList()) {
            if (!link.isInternal()) {
                views.add(new GraphViews.LinkView(link.getHref(), link.getText(), "external", null, false));
                continue;
            }
            GraphSnapshot.Resolved target = g.resolve(link.getTargetType(), link.getTargetSlug());
            views.add(new GraphViews.LinkView(link.getHref(), link.getText(), "internal",
                    target == null ? null : new GraphViews.Target(target.type().wire(), target.slug(), target.title()),
                    target == null));
        }
        return views;
    }

    @Transactional
    public List<GraphViews.Backlink> backlinks(String slug, boolean editor) {
        GraphSnapshot g = snapshot(editor);
        GraphSnapshot.PostNode post = requireVisible(g, slug);
        Map<UUID, GraphViews.Backlink> bySource = new LinkedHashMap<>();
        for (GraphSnapshot.PostNode source : sortedPosts(g)) {
            if (!source.visible()) {
                continue;
            }
            for (GraphSnapshot.LinkRow link : g.linksFrom.getOrDefault(source.id(), List.of())) {
                GraphSnapshot.Resolved target = g.resolve(link.type(), link.slug());
                if (target != null && target.type() == TargetType.POST && target.id().equals(post.id())) {
                    bySource.putIfAbsent(source.id(), new GraphViews.Backlink(source.slug(), source.title(),
                            urls.post(source.slug()), link.text()));
                }
            }
        }
        return List.copyOf(bySource.values());
    }

    /**
     * Other visible posts ranked by how much they share with this one (docs/graph.md):
     * 3 for each direct link between the two (either way), 2 for each link target both link to,
     * 1 for each post that links to both, 1 for each shared tag and 1 for the same category.
     */
    @Transactional
    public List<GraphViews.Related> related(String slug, int limit, boolean editor) {
        GraphSnapshot g = snapshot(editor);
        GraphSnapshot.PostNode post = requireVisible(g, slug);
        Map<UUID, Set<String>> outbound = new HashMap<>();
        Map<UUID, Set<UUID>> inbound = new HashMap<>();
        for (GraphSnapshot.PostNode source : g.posts.values()) {
            if (!source.visible()) {
                continue;
            }
            for (GraphSnapshot.LinkRow link : g.linksFrom.getOrDefault(source.id(), List.of())) {
                GraphSnapshot.Resolved target = g.resolve(link.type(), link.slug());
                if (target != null && !(target.type() == TargetType.POST && target.id().equals(source.id()))) {
                    outbound.computeIfAbsent(source.id(), k -> new HashSet<>()).add(target.nodeId());
                    if (target.type() == TargetType.POST) {
                        inbound.computeIfAbsent(target.id(), k -> new HashSet<>()).add(source.id());
                    }
                }
            }
        }
        Set<String> mine = outbound.getOrDefault(post.id(), Set.of());
        Set<UUID> myBacklinks = inbound.getOrDefault(post.id(), Set.of());
        Set<UUID> myTags = new HashSet<>(g.tagsOf.getOrDefault(post.id(), List.of()));
        List<GraphViews.Related> ranked = new ArrayList<>();
        for (GraphSnapshot.PostNode other : sortedPosts(g)) {
            if (!other.visible() || other.id().equals(post.id())) {
                continue;
            }
            Set<String> theirs = outbound.getOrDefault(other.id(), Set.of());
            int score = 0;
            score += mine.contains("post:" + other.slug()) ? 3 : 0;
            score += theirs.contains("post:" + post.slug()) ? 3 : 0;
            score += 2 * (int) theirs.stream().filter(mine::contains).count();
            score += (int) inbound.getOrDefault(other.id(), Set.of()).stream().filter(myBacklinks::contains).count();
            score += (int) g.tagsOf.getOrDefault(other.id(), List.of()).stream().filter(myTags::contains).count();
            score += post.categoryId() != null && post.categoryId().equals(other.categoryId()) ? 1 : 0;
            if (score > 0) {
                ranked.add(new GraphViews.Related(other.slug(), other.title(), urls.post(other.slug()), score));
            }
        }
        ranked.sort(Comparator.comparingInt(GraphViews.Related::score).reversed());
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
    }

    @Transactional
    public List<GraphViews.BrokenLinks> brokenLinks() {
        GraphSnapshot g = snapshot(true);
        Map<UUID, List<GraphViews.BrokenLink>> bySource = new LinkedHashMap<>();
        for (Link link : em.createQuery("select l from Link l where l.kind = 'internal' order by l.postId, l.position", Link.class)
                .getResultList()) {
            if (g.resolve(link.getTargetType(), link.getTargetSlug()) == null) {
                bySource.computeIfAbsent(link.getPostId(), k -> new ArrayList<>())
                        .add(new GraphViews.BrokenLink(link.getHref(), link.getText()));
            }
        }
        return bySource.entrySet().stream()
                .map(e -> {
                    GraphSnapshot.PostNode source = g.posts.get(e.getKey());
                    return new GraphViews.BrokenLinks(new GraphViews.PostRef(source.slug(), source.title(),
                            urls.post(source.slug())), e.getValue());
                })
                .sorted(Comparator.comparing(b -> b.post().slug()))
                .toList();
    }

    private static GraphSnapshot.PostNode requireVisible(GraphSnapshot g, String slug) {
        GraphSnapshot.PostNode post = g.visiblePost(slug);
        if (post == null) {
            throw ProblemException.notFound("post", slug);
        }
        return post;
    }

    private static List<GraphSnapshot.PostNode> sortedPosts(GraphSnapshot g) {
        return g.posts.values().stream().sorted(Comparator.comparing(GraphSnapshot.PostNode::slug)).toList();
    }

    private GraphSnapshot snapshot(boolean editor) {
        GraphSnapshot g = new GraphSnapshot();
        Instant now = Instant.now();
        for (Object[] row : em.createQuery("select p.id, p.slug, p.title, p.status, p.publishedAt, c.id "
                + "from Post p left join p.category c", Object[].class).getResultList()) {
            g.addPost((UUID) row[0], (String) row[1], (String) row[2], (PostStatus) row[3], (Instant) row[4], (UUID) row[5],
                    now, editor);
        }
        for (Object[] row : em.createQuery("select f.slug, f.post.id from FormerSlug f", Object[].class).getResultList()) {
            g.addFormerSlug((String) row[0], (UUID) row[1]);
        }
        for (Object[] row : em.createQuery("select c.id, c.slug, c.name, c.listed from Category c", Object[].class).getResultList()) {
            g.addCategory((UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3]);
        }
        for (Object[] row : em.createQuery("select t.id, t.slug, t.name, t.listed from Tag t", Object[].class).getResultList()) {
            g.addTag((UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3]);
        }
        for (Object[] row : em.createQuery("select p.id, t.id from Post p join p.tags t", Object[].class).getResultList()) {
            g.addTagging((UUID) row[0], (UUID) row[1]);
        }
        for (Object[] row : em.createQuery("select l.postId, l.href, l.text, l.targetType, l.targetSlug from Link l "
                + "where l.kind = 'internal' and l.targetSlug is not null order by l.postId, l.position", Object[].class)
                .getResultList()) {
            g.addLink(new GraphSnapshot.LinkRow((UUID) row[0], (String) row[1], (String) row[2],
                    TargetType.fromWire((String) row[3]), (String) row[4]));
        }
        return g;
    }
}
