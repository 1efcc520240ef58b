package dev.crosslink.backup;

import dev.crosslink.auth.Role;
import dev.crosslink.web.BodyLimit;
import dev.crosslink.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** GET /api/export and POST /api/restore (CONTRACT section 12, admin): a whole site out, and into an empty one. */
@Path("/api")
@Tag(name = "Backup", description = "Export the whole site as one document, and restore it into an empty site (admin)")
@RolesAllowed(Role.ADMIN_NAME)
public class BackupResource {

    private final SiteExport export;
    private final SiteRestore restore;
    private final Clock clock;

    public BackupResource(SiteExport export, SiteRestore restore, Clock clock) {
        this.export = export;
        this.restore = restore;
        this.clock = clock;
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportSite", summary = "The whole site as one JSON document, streamed",
            description = "Posts with their ids, Markdown, slugs, former slugs, provenance and revisions; categories; "
                    + "tags; webhooks without their secrets; as one consistent snapshot. Tokens and signing keys are "
                    + "not in it (docs/backup.md).")
    @APIResponse(responseCode = "200", description = "The export document",
            content = @Content(schema = @Schema(implementation = SiteDocument.class)))
    public Response exportSite() {
        StreamingOutput body = export::write;
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Disposition", "attachment; filename=\"crosslink-export-"
                        + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".json\"")
                .build();
    }

    @POST
    @Path("restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "restoreSite", summary = "Restore an export document into an empty site",
            description = "One transaction: a 400 anywhere in the document writes nothing. A site with any post, "
                    + "category or tag is a 409. Read as a stream, up to cms.limits.restore-size (2 GiB). Each webhook "
                    + "gets a new secret, shown once in the answer. Reads format versions 1 and 2.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SiteDocument.class)))
    @APIResponse(responseCode = "200", description = "What was restored",
            content = @Content(schema = @Schema(implementation = SiteRestore.Report.class)))
    public SiteRestore.Report restoreSite(@BodyLimit.WholeSite InputStream document) {
        if (document == null) {
            throw new ProblemException(400, "The restore needs an export document as its body");
        }
        return restore.restore(document);
    }
}
