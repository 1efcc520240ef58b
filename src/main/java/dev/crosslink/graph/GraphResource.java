package dev.crosslink.graph;

import dev.crosslink.auth.Caller;
import dev.crosslink.auth.Role;
import dev.crosslink.web.PageParams;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.Slug;
import jakarta.annotation.security.RolesAllowed;
import dev.crosslink.web.PublicRead;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Path("/api/graph")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Graph", description = "The cross-link graph between posts, categories and tags")
public class GraphResource {

    private final GraphService graph;
    private final Caller caller;

    public GraphResource(GraphService graph, Caller caller) {
        this.graph = graph;
        this.caller = caller;
    }

    @GET
    @PublicRead
    @Operation(summary = "The whole graph, or one post's neighbourhood",
            description = "Nodes are posts, categories and tags (ids like post:<slug>); edges are links_to, in_category and "
                    + "tagged. Anonymous callers see public posts only.")
    @APIResponse(responseCode = "200", description = "{nodes, edges}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GraphViews.Graph.class)))
    public StreamingOutput graph(
            @QueryParam("types") @Parameter(description = "Edge types to include, comma-separated", example = "links_to") String types,
            @QueryParam("around") @Parameter(description = "Only the neighbourhood of this post (slug)") String around,
            @QueryParam("depth") @Parameter(description = "1 or 2 (with around)", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2", defaultValue = "1")) String depth) {
        Set<String> edgeTypes = GraphService.EDGE_TYPES;
        if (types != null && !types.isBlank()) {
            edgeTypes = new LinkedHashSet<>(Arrays.stream(types.split(",")).map(String::strip).toList());
            if (!GraphService.EDGE_TYPES.containsAll(edgeTypes)) {
                throw ProblemException.field("types", "must be links_to, in_category and/or tagged");
            }
        }
        String center = null;
        if (around != null && !around.isBlank()) {
            if (!Slug.isValid(around)) {
                throw ProblemException.field("around", "must be a post slug");
            }
            center = around;
        }
        int steps = PageParams.parse("depth", depth, 1, 1, 2);
        return graph.graph(caller.isEditor(), edgeTypes, center, steps);
    }

    @GET
    @Path("broken-links")
    @RolesAllowed(Role.EDITOR_NAME)
    @Operation(summary = "Every broken internal link, grouped by the post that holds it")
    @APIResponse(responseCode = "200", description = "[{post, links}]")
    public List<GraphViews.BrokenLinks> brokenLinks() {
        return graph.brokenLinks();
    }

}
