package dev.crosslink.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The JSON shapes of CONTRACT section 6. */
public final class GraphViews {

    private GraphViews() {
    }

    @Schema(name = "Graph")
    public record Graph(List<Node> nodes, List<Edge> edges) {
    }

    @Schema(name = "GraphNode")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(@Schema(examples = "post:cs-philosophy-sample") String id,
                       @Schema(enumeration = {"post", "category", "tag"}) String type,
                       String slug, String title, String url) {
    }

    @Schema(name = "GraphEdge")
    public record Edge(@Schema(examples = "post:ml-ai-sample") String source,
                       @Schema(examples = "post:cs-philosophy-sample") String target,
                       @Schema(enumeration = {"links_to", "in_category", "tagged"}) String type) {
    }

    @Schema(name = "PostLink")
    public record LinkView(String href, String text, @Schema(enumeration = {"internal", "external"}) String kind,
                           @Schema(nullable = true) Target target, boolean broken) {
    }

    @Schema(name = "LinkTarget")
    public record Target(@Schema(enumeration = {"post", "category", "tag"}) String type, String slug, String title) {
    }

    @Schema(name = "Backlink")
    public record Backlink(String slug, String title, String url, @Schema(description = "The text of the link") String text) {
    }

    @Schema(name = "RelatedPost")
    public record Related(String slug, String title, String url,
                          @Schema(description = "See docs/graph.md for the formula") int score) {
    }

    @Schema(name = "BrokenLinks")
    public record BrokenLinks(PostRef post, List<BrokenLink> links) {
    }

    @Schema(name = "PostRef")
    public record PostRef(String slug, String title, String url) {
    }

    @Schema(name = "BrokenLink")
    public record BrokenLink(String href, String text) {
    }

    @Schema(name = "RewriteReport")
    public record RewriteReport(@Schema(description = "Slugs of the posts whose links were rewritten") List<String> rewritten) {
    }
}
