package dev.crosslink.post;

import dev.crosslink.auth.Caller;
import dev.crosslink.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** After a renderer or sanitizer upgrade, an admin renders every stored post again. */
@Path("/api/admin/rerender")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Maintenance operations")
public class RerenderResource {

    private final PostService posts;
    private final Caller caller;

    public RerenderResource(PostService posts, Caller caller) {
        this.posts = posts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Re-render every post", description = "Renders each post's Markdown again and stores the HTML, "
            + "excerpt and reading time where they changed; reports how many posts there are and how many changed.")
    @APIResponse(responseCode = "200", description = "{total, changed}")
    public PostService.RerenderReport rerender() {
        return posts.rerenderAll(caller.name());
    }
}
