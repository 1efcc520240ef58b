package dev.crosslink.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosslink.auth.Caller;
import dev.crosslink.auth.Role;
import dev.crosslink.preview.PreviewTokens;
import dev.crosslink.preview.PreviewView;
import dev.crosslink.web.MergePatch;
import dev.crosslink.web.Page;
import dev.crosslink.web.PublicRead;
import dev.crosslink.web.Representations;
import dev.crosslink.web.SiteUrls;
import dev.crosslink.web.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** HTTP for posts: translates requests into {@link PostService} calls and back, nothing more. */
@Path("/api/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Posts, with Markdown rendered to sanitized HTML on write")
public class PostResource {

    private final PostService posts;
    private final Representations representations;
    private final Caller caller;

    private final SiteUrls urls;

    private final PreviewTokens previews;

    public PostResource(PostService posts, Representations representations, Caller caller, SiteUrls urls,
                        PreviewTokens previews) {
        this.urls = urls;
        this.previews = previews;
        this.posts = posts;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @PublicRead
    @Operation(summary = "List posts",
            description = "Anonymous callers see published posts whose publishedAt has passed; editors see all.")
    @APIResponse(responseCode = "200", description = "One page of posts, with a Link header")
    public RestResponse<Page<PostView>> list(@BeanParam PostListParams params, @Context UriInfo uriInfo) {
        return posts.list(params, caller.isEditor()).toResponse(uriInfo, urls);
    }

    @GET
    @PublicRead
    @Path("{slug}")
    @Operation(summary = "Get one post", description = "A former slug answers 301 to the current one. "
            + "Drafts and future posts are 404 to anonymous callers.")
    @APIResponse(responseCode = "200", description = "The post", content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "301", description = "The post has a new slug; see Location")
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("slug") @Parameter(example = "distributed-systems-sample") String slug,
                        @QueryParam("preview") @Parameter(description = "A preview token (POST …/preview): reads this post, "
                                + "draft or scheduled, with no other credentials; never cached") String preview,
                        @Context Request request) {
        String token = preview == null || preview.isBlank() ? null : preview.strip();
        PostService.Lookup found = posts.get(Slug.fromPath(slug, "post"), caller.isEditor(),
                token == null ? null : previews.postOf(token));
        if (found.movedTo() != null) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(urls.api("/api/posts/" + found.movedTo()
                    + (token == null ? "" : "?preview=" + token))).build();
        }
        return representations.read(request, representations.body(found.post(), found.lastModified()),
                token == null ? null : "private, no-store");
    }

    @POST
    @Path("{slug}/preview")
    @RolesAllowed(Role.EDITOR_NAME)
    @Operation(operationId = "previewPost", summary = "A token that lets a frontend read this post before it is public",
            description = "Valid for cms.preview.ttl (1 hour by default), for this post only, on every node.")
    @APIResponse(responseCode = "200", description = "The token, the URL that reads the post with it, and when it expires",
            content = @Content(schema = @Schema(implementation = PreviewView.class)))
    public PreviewView preview(@PathParam("slug") String slug) {
        return posts.preview(Slug.fromPath(slug, "post"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    @Operation(summary = "Create a post")
    @APIResponse(responseCode = "201", description = "Created; Location names the new post",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") PostInput input) {
        PostView created = posts.create(input, caller.name());
        return representations.created(urls.api("/api/posts/" + created.slug()), created, created.updatedAt());
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    @Operation(summary = "Replace a post", description = "Every field is replaced; omitted optional fields take their "
            + "defaults, except slug, which stays. Send If-Match to avoid overwriting someone else's change.")
    @APIResponse(responseCode = "200", description = "The replaced post", content = @Content(schema = @Schema(implementation = PostView.class)))
    public Response replace(@PathParam("slug") String slug, @Valid @NotNull(message = "a JSON body is required") PostInput input,
                            @Context Request request) {
        PostView updated = posts.replace(Slug.fromPath(slug, "post"), input, representations.precondition(request), caller.name());
        return representations.ok(updated, updated.updatedAt());
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Role.EDITOR_NAME)
    @Operation(summary = "Change some fields of a post (JSON merge patch)",
            description = "RFC 7386: the fields given replace the current ones, null removes an optional one.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, examples = "{\"status\": \"published\"}")))
    @APIResponse(responseCode = "200", description = "The changed post", content = @Content(schema = @Schema(implementation = PostView.class)))
    public Response patch(@PathParam("slug") String slug, @NotNull(message = "a JSON body is required") JsonNode patch,
                          @Context Request request) {
        PostView updated = posts.patch(Slug.fromPath(slug, "post"), patch, representations.precondition(request), caller.name());
        return representations.ok(updated, updated.updatedAt());
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Role.EDITOR_NAME)
    @Operation(summary = "Delete a post")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("slug") String slug, @Context Request request) {
        posts.delete(Slug.fromPath(slug, "post"), representations.precondition(request));
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/rewrite-incoming-links")
    @RolesAllowed(Role.EDITOR_NAME)
    @Operation(summary = "Point other posts' links at this post's current slug",
            description = "Links to any former slug of this post are rewritten in the linking posts' Markdown; each post "
                    + "rewritten gets a new version.")
    @APIResponse(responseCode = "200", description = "The slugs of the posts rewritten")
    public dev.crosslink.graph.GraphViews.RewriteReport rewriteIncomingLinks(@PathParam("slug") String slug) {
        return new dev.crosslink.graph.GraphViews.RewriteReport(posts.rewriteIncomingLinks(Slug.fromPath(slug, "post"), caller.name()));
    }


}
