package dev.crosslink.importer;

import dev.crosslink.auth.Caller;
import dev.crosslink.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/import/rss")
@Tag(name = "Import", description = "Import posts from an RSS 2.0 or Atom feed (admin)")
public class ImportResource {

    private final FeedImporter importer;
    private final Caller caller;

    public ImportResource(FeedImporter importer, Caller caller) {
        this.importer = importer;
        this.caller = caller;
    }

    @POST
    @Consumes({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Import an RSS 2.0 or Atom document", description = "One transaction; idempotent. An item "
            + "updates only the post an import of the same feed made for its guid; an item whose slug belongs to "
            + "any other post is skipped with its reason. Suspected debris is kept and named in warnings. "
            + "A DOCTYPE, an entity or malformed XML is a 400 with nothing written. "
            + "The document may be up to 4 MiB and hold up to " + FeedImporter.MAX_ITEMS + " items.")
    @RequestBody(content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "What the import did",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importFeed(byte[] document) {
        if (document == null || document.length == 0) {
            throw new dev.crosslink.web.ProblemException(400, "The feed cannot be imported: the body is empty");
        }
        return importer.importFeed(document, caller.name());
    }
}
