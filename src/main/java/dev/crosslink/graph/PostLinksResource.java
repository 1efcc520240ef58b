package dev.crosslink.graph;

import dev.crosslink.auth.Caller;
import dev.crosslink.auth.Role;
import dev.crosslink.web.PageParams;
import dev.crosslink.web.Slug;
import dev.crosslink.web.PublicRead;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** One post's place in the graph: what it links to, what links to it, and what is related. */
@Path("/api/posts/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Graph")
public class PostLinksResource {

    private final GraphService graph;
    private final Caller caller;

    public PostLinksResource(GraphService graph, Caller caller) {
        this.graph = graph;
        this.caller = caller;
    }

    @GET
    @PublicRead
    @Path("links")
    @Operation(summary = "A post's outbound links", description = "Each with its kind, its target (or null) and whether it is broken.")
    @APIResponse(responseCode = "200", description = "The links, in document order")
    public List<GraphViews.LinkView> links(@PathParam("slug") String slug) {
        return graph.links(Slug.fromPath(slug, "post"), caller.isEditor());
    }

    @GET
    @PublicRead
    @Path("backlinks")
    @Operation(summary = "The posts that link to this one", description = "Links to any of its former slugs count too.")
    @APIResponse(responseCode = "200", description = "One entry per linking post, with the link's text")
    public List<GraphViews.Backlink> backlinks(@PathParam("slug") String slug) {
        return graph.backlinks(Slug.fromPath(slug, "post"), caller.isEditor());
    }

    @GET
    @PublicRead
    @Path("related")
    @Operation(summary = "Other posts ranked by shared links, backlinks, tags and category",
            description = "The score's formula is in docs/graph.md.")
    @APIResponse(responseCode = "200", description = "Highest score first")
    public List<GraphViews.Related> related(@PathParam("slug") String slug,
                                            @QueryParam("limit") @Parameter(description = "1-50, default 5", example = "5",
                                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "5")) String limit) {
        return graph.related(Slug.fromPath(slug, "post"), PageParams.parse("limit", limit, 5, 1, 50), caller.isEditor());
    }

}
