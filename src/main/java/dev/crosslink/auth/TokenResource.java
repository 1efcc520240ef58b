package dev.crosslink.auth;

import dev.crosslink.web.PathId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Tokens", description = "API tokens (admin only); a secret is shown once, at creation")
public class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a token", description = "The answer holds the secret; it is never shown again.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TokenView.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") TokenInput input) {
        TokenView created = tokens.create(input);
        return Response.created(URI.create("/api/tokens/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List tokens (without secrets)")
    @APIResponse(responseCode = "200", description = "Every token")
    public List<TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token", description = "The last admin token cannot be revoked (409).")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response delete(@PathParam("id") String id) {
        tokens.delete(PathId.uuid(id, "token"));
        return Response.noContent().build();
    }
}
