package dev.crosslink.revision;

import dev.crosslink.auth.Caller;
import dev.crosslink.auth.Role;
import dev.crosslink.post.PostView;
import dev.crosslink.web.Page;
import dev.crosslink.web.PageParams;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.Representations;
import dev.crosslink.web.SiteUrls;
import dev.crosslink.web.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A post's revisions (CONTRACT section 10), reached through any slug the post ever had; editors only. */
@Path("/api/posts/{slug}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
@Tag(name = "Revisions", description = "Every write of a post, who made it and how, and the way back")
public class RevisionResource {

    public static final String DIFF = "text/x-diff";

    private final RevisionService revisions;
    private final Representations representations;
    private final Caller caller;
    private final SiteUrls urls;

    public RevisionResource(RevisionService revisions, Representations representations, Caller caller, SiteUrls urls) {
        this.revisions = revisions;
        this.representations = representations;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Operation(operationId = "listRevisions", summary = "A post's revisions, newest first")
    @APIResponse(responseCode = "200", description = "One page of revisions; markdown only with include=markdown")
    public RestResponse<Page<RevisionView>> list(@PathParam("slug") String slug, @BeanParam PageParams page,
                                                 @QueryParam("include") @Parameter(description = "markdown to include each revision's Markdown",
                                                         schema = @Schema(enumeration = "markdown")) String include,
                                                 @Context UriInfo uriInfo) {
        if (include != null && !include.isBlank() && !include.strip().equals("markdown")) {
            throw ProblemException.field("include", "must be markdown");
        }
        return revisions.list(Slug.fromPath(slug, "post"), page.page(), page.size(), include != null && !include.isBlank())
                .toResponse(uriInfo, urls);
    }

    @GET
    @Path("{number}")
    @Operation(operationId = "getRevision", summary = "One revision, whole")
    @APIResponse(responseCode = "200", description = "The revision", content = @Content(schema = @Schema(implementation = RevisionView.class)))
    public RevisionView get(@PathParam("slug") String slug, @PathParam("number") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1")) String number) {
        return revisions.get(Slug.fromPath(slug, "post"), number(number));
    }

    @GET
    @Path("{number}/diff")
    @Operation(operationId = "diffRevisions", summary = "What changed from one revision to another",
            description = "The fields that changed and a unified diff of the Markdown; with Accept: text/x-diff, the diff alone.")
    @APIResponse(responseCode = "200", description = "The changes", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionDiff.class)),
            @Content(mediaType = DIFF, schema = @Schema(type = SchemaType.STRING))})
    public RevisionDiff diff(@PathParam("slug") String slug, @PathParam("number") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                                     minimum = "1")) String number,
                             @QueryParam("from") @Parameter(description = "The revision to compare with; default the one before",
                                     schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String from) {
        return revisions.diff(Slug.fromPath(slug, "post"), number(number), from == null || from.isBlank() ? null
                : PageParams.parse("from", from, 1, 1, Integer.MAX_VALUE));
    }

    @GET
    @Path("{number}/diff")
    @Produces(DIFF)
    @Operation(hidden = true) // the text/x-diff content of the operation above
    public String unifiedDiff(@PathParam("slug") String slug, @PathParam("number") String number, @QueryParam("from") String from) {
        return diff(slug, number, from).markdown();
    }

    @POST
    @Path("{number}/restore")
    @Operation(operationId = "restoreRevision", summary = "Make a revision the post's content again",
            description = "Recorded as a new revision with source restore. Send If-Match to avoid overwriting someone else's change.")
    @APIResponse(responseCode = "200", description = "The post as restored", content = @Content(schema = @Schema(implementation = PostView.class)))
    public Response restore(@PathParam("slug") String slug, @PathParam("number") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1")) String number, @Context Request request) {
        PostView restored = revisions.restore(Slug.fromPath(slug, "post"), number(number), representations.precondition(request),
                caller.name());
        return representations.ok(restored, restored.updatedAt());
    }

    private static int number(String value) {
        return PageParams.parse("number", value, 0, 1, Integer.MAX_VALUE);
    }
}
