package dev.crosslink.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosslink.auth.Caller;
import dev.crosslink.auth.Role;
import dev.crosslink.web.MergePatch;
import dev.crosslink.web.Page;
import dev.crosslink.web.PageParams;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** The five operations categories and tags share; the subclasses give the path and the service. */
@Produces(MediaType.APPLICATION_JSON)
public abstract class TermResource<T extends Term> {

    private final TermService<T> terms;
    private final Representations representations;
    private final String basePath;
    private final String kind;

    private final SiteUrls urls;
    private final Caller caller;

    protected TermResource(TermService<T> terms, Representations representations, SiteUrls urls, Caller caller,
                           String basePath, String kind) {
        this.urls = urls;
        this.caller = caller;
        this.terms = terms;
        this.representations = representations;
        this.basePath = basePath;
        this.kind = kind;
    }

    @GET
    @PublicRead
    @Operation(summary = "List, by name")
    @APIResponse(responseCode = "200", description = "One page, with a Link header")
    public RestResponse<Page<TermView>> list(@BeanParam PageParams params, @Context UriInfo uriInfo) {
        return terms.list(params.page(), params.size(), caller.isEditor()).toResponse(uriInfo, urls);
    }

    @GET
    @PublicRead
    @Path("{slug}")
    @Operation(summary = "Get one by slug")
    @APIResponse(responseCode = "200", description = "Found", content = @Content(schema = @Schema(implementation = TermView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("slug") String slug, @Context Request request) {
        T term = terms.get(Slug.fromPath(slug, kind), caller.isEditor());
        return representations.read(request, terms.view(term), term.getUpdatedAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "bearer") // declared here: the OpenAPI scanner does not see inherited @RolesAllowed
    @Operation(summary = "Create", description = "The slug is derived from the name when omitted; a taken explicit slug is 409.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TermView.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") TermInput input) {
        T term = terms.create(input);
        return representations.created(urls.api(basePath + "/" + term.getSlug()), terms.view(term), term.getUpdatedAt());
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "bearer") // declared here: the OpenAPI scanner does not see inherited @RolesAllowed
    @Operation(summary = "Replace", description = "Send If-Match to avoid overwriting someone else's change.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = TermView.class)))
    public Response replace(@PathParam("slug") String slug, @Valid @NotNull(message = "a JSON body is required") TermInput input,
                            @Context Request request) {
        T term = terms.replace(Slug.fromPath(slug, kind), input, representations.precondition(request));
        return representations.ok(terms.view(term), term.getUpdatedAt());
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "bearer") // declared here: the OpenAPI scanner does not see inherited @RolesAllowed
    @Operation(summary = "Change some fields (JSON merge patch)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, examples = "{\"description\": \"Essays on consensus.\"}")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = TermView.class)))
    public Response patch(@PathParam("slug") String slug, @NotNull(message = "a JSON body is required") JsonNode patch,
                          @Context Request request) {
        T term = terms.patch(Slug.fromPath(slug, kind), patch, representations.precondition(request));
        return representations.ok(terms.view(term), term.getUpdatedAt());
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "bearer") // declared here: the OpenAPI scanner does not see inherited @RolesAllowed
    @Operation(summary = "Delete")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("slug") String slug, @Context Request request) {
        terms.delete(Slug.fromPath(slug, kind), representations.precondition(request));
        return Response.noContent().build();
    }
}
