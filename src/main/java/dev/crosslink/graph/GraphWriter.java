package dev.crosslink.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crosslink.graph.GraphSource.PostNode;
import dev.crosslink.graph.GraphSource.TermNode;
import dev.crosslink.web.SiteUrls;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a {@link GraphSnapshot} as CONTRACT section 6's {@code {nodes, edges}} ({@link GraphViews.Graph})
 * straight to the response. At 20,000 posts that is some 180,000 edges: they are written as they
 * are found, never collected into a list of objects or a buffer first.
 *
 * <p>Nodes come sorted by type, then slug; edges by their source post's slug, each post's links
 * in document order (a target once), then its category, then its tags. An edge is written only
 * when both its ends are drawn.
 */
final class GraphWriter implements StreamingOutput {

    private final GraphSnapshot graph;
    private final Set<String> types;
    private final SiteUrls urls;
    private final ObjectMapper mapper;

    GraphWriter(GraphSnapshot graph, Set<String> types, SiteUrls urls, ObjectMapper mapper) {
        this.graph = graph;
        this.types = types;
        this.urls = urls;
        this.mapper = mapper;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        List<PostNode> posts = graph.posts.values().stream().sorted(Comparator.comparing(PostNode::slug)).toList();
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("nodes");
            terms(json, "category", graph.categories.values(), urls::category);
            for (PostNode post : posts) {
                node(json, "post", post.slug(), post.title(), urls.post(post.slug()));
            }
            terms(json, "tag", graph.tags.values(), urls::tag);
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
            for (PostNode post : posts) {
                edges(json, post);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private void edges(JsonGenerator json, PostNode post) throws IOException {
        String from = "post:" + post.slug();
        if (types.contains("links_to")) {
            Set<String> written = new HashSet<>();
            for (InternalLink link : graph.linksFrom.getOrDefault(post.id(), List.of())) {
                Targets.Resolved target = graph.targets.resolve(link);
                if (target != null && drawn(target) && written.add(target.nodeId())) {
                    edge(json, from, target.nodeId(), "links_to");
                }
            }
        }
        if (types.contains("in_category") && post.categoryId() != null && graph.categories.containsKey(post.categoryId())) {
            edge(json, from, "category:" + graph.categories.get(post.categoryId()).slug(), "in_category");
        }
        if (types.contains("tagged")) {
            for (UUID tag : graph.tagsOf.getOrDefault(post.id(), List.of())) {
                if (graph.tags.containsKey(tag)) {
                    edge(json, from, "tag:" + graph.tags.get(tag).slug(), "tagged");
                }
            }
        }
    }

    private boolean drawn(Targets.Resolved target) {
        return switch (target.type()) {
            case POST -> graph.posts.containsKey(target.id());
            case CATEGORY -> graph.categories.containsKey(target.id());
            case TAG -> graph.tags.containsKey(target.id());
        };
    }

    private static void terms(JsonGenerator json, String type, Collection<TermNode> terms, Function<String, String> url)
            throws IOException {
        for (TermNode term : terms.stream().sorted(Comparator.comparing(TermNode::slug)).toList()) {
            node(json, type, term.slug(), term.name(), url.apply(term.slug()));
        }
    }

    // The fields of GraphViews.Node and GraphViews.Edge, in their order.
    private static void node(JsonGenerator json, String type, String slug, String title, String url) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", type + ":" + slug);
        json.writeStringField("type", type);
        json.writeStringField("slug", slug);
        json.writeStringField("title", title);
        json.writeStringField("url", url);
        json.writeEndObject();
    }

    private static void edge(JsonGenerator json, String source, String target, String type) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", source);
        json.writeStringField("target", target);
        json.writeStringField("type", type);
        json.writeEndObject();
    }
}
