package dev.crosslink.sitemap;

import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.PageParams;
import dev.crosslink.web.PublicRead;
import dev.crosslink.web.Representations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /sitemap.xml and its parts, through the same cache, ETag and 304 path as the feeds. */
@Path("/")
@Tag(name = "Feeds")
public class SitemapResource {

    private final SitemapService sitemaps;
    private final Representations representations;
    private final String cacheControl;

    public SitemapResource(SitemapService sitemaps, Representations representations, CmsConfig config) {
        this.sitemaps = sitemaps;
        this.representations = representations;
        this.cacheControl = config.feed().cacheControl();
    }

    @GET
    @PublicRead
    @Path("sitemap.xml")
    @Operation(operationId = "getSitemap", summary = "The sitemap (sitemaps.org 0.9) of the public posts, categories and tags",
            description = "Past 50,000 URLs (cms.sitemap.urls-per-file), a sitemap index of /sitemap-N.xml parts.")
    @APIResponse(responseCode = "200", description = "A urlset, or a sitemapindex",
            content = @Content(mediaType = SitemapWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response sitemap() {
        return serve(sitemaps.sitemap());
    }

    @GET
    @PublicRead
    @Path("sitemap-{part}.xml")
    @Operation(operationId = "getSitemapPart", summary = "One part of a sitemap index")
    @APIResponse(responseCode = "200", description = "A urlset",
            content = @Content(mediaType = SitemapWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response part(@PathParam("part") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String part) {
        return serve(sitemaps.part(PageParams.parse("part", part, 1, 1, 1_000_000)));
    }

    private Response serve(SitemapService.Document document) {
        return representations.read(null, representations.body(document.bytes(), MediaType.valueOf(SitemapWriter.MEDIA_TYPE),
                document.lastModified()), cacheControl);
    }
}
