package dev.crosslink.feed;

import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.Representations;
import dev.crosslink.web.SiteUrls;
import dev.crosslink.web.PublicRead;
import dev.crosslink.web.Slug;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /rss, /atom and /feed.json, for the whole site or one category or tag. */
@Path("/")
@Tag(name = "Feeds", description = "RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest public posts")
public class FeedResource {

    private final FeedService feeds;
    private final Representations representations;
    private final String cacheControl;
    private final String hub;
    private final SiteUrls urls;

    public FeedResource(FeedService feeds, Representations representations, CmsConfig config, SiteUrls urls) {
        this.feeds = feeds;
        this.representations = representations;
        this.cacheControl = config.feed().cacheControl();
        this.hub = config.websub().hub().orElse(null);
        this.urls = urls;
    }

    // Each feed is its own path with its own media type (CONTRACT section 3), so that the OpenAPI
    // document tells a client generator exactly what it gets; one templated /{format} could not.
    private static final String SITE = "ETag and Last-Modified come from the content; conditional requests get 304.";
    private static final String SCOPED = "The newest public posts of one category or tag; 404 for an unknown one. " + SITE;

    @GET
    @PublicRead
    @Path("rss")
    @Operation(summary = "The site's RSS 2.0 feed", description = SITE)
    @APIResponse(responseCode = "200", description = "RSS 2.0", content = @Content(mediaType = RssWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response rss(@Context UriInfo uriInfo) {
        return serve(FeedService.Format.RSS, FeedService.Scope.ALL, uriInfo);
    }

    @GET
    @PublicRead
    @Path("atom")
    @Operation(summary = "The site's Atom 1.0 feed", description = SITE)
    @APIResponse(responseCode = "200", description = "Atom 1.0", content = @Content(mediaType = AtomWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response atom(@Context UriInfo uriInfo) {
        return serve(FeedService.Format.ATOM, FeedService.Scope.ALL, uriInfo);
    }

    @GET
    @PublicRead
    @Path("feed.json")
    @Operation(summary = "The site's JSON Feed 1.1", description = SITE)
    @APIResponse(responseCode = "200", description = "JSON Feed 1.1", content = @Content(mediaType = JsonFeedWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response jsonFeed(@Context UriInfo uriInfo) {
        return serve(FeedService.Format.JSON, FeedService.Scope.ALL, uriInfo);
    }

    @GET
    @PublicRead
    @Path("rss/categories/{slug}")
    @Operation(summary = "The RSS 2.0 feed of one category", description = SCOPED)
    @APIResponse(responseCode = "200", description = "RSS 2.0", content = @Content(mediaType = RssWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response rssOfCategory(@PathParam("slug") String slug, @Context UriInfo uriInfo) {
        return serve(FeedService.Format.RSS, scope("category", slug), uriInfo);
    }

    @GET
    @PublicRead
    @Path("rss/tags/{slug}")
    @Operation(summary = "The RSS 2.0 feed of one tag", description = SCOPED)
    @APIResponse(responseCode = "200", description = "RSS 2.0", content = @Content(mediaType = RssWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response rssOfTag(@PathParam("slug") String slug, @Context UriInfo uriInfo) {
        return serve(FeedService.Format.RSS, scope("tag", slug), uriInfo);
    }

    @GET
    @PublicRead
    @Path("atom/categories/{slug}")
    @Operation(summary = "The Atom 1.0 feed of one category", description = SCOPED)
    @APIResponse(responseCode = "200", description = "Atom 1.0", content = @Content(mediaType = AtomWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response atomOfCategory(@PathParam("slug") String slug, @Context UriInfo uriInfo) {
        return serve(FeedService.Format.ATOM, scope("category", slug), uriInfo);
    }

    @GET
    @PublicRead
    @Path("atom/tags/{slug}")
    @Operation(summary = "The Atom 1.0 feed of one tag", description = SCOPED)
    @APIResponse(responseCode = "200", description = "Atom 1.0", content = @Content(mediaType = AtomWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response atomOfTag(@PathParam("slug") String slug, @Context UriInfo uriInfo) {
        return serve(FeedService.Format.ATOM, scope("tag", slug), uriInfo);
    }

    @GET
    @PublicRead
    @Path("feed.json/categories/{slug}")
    @Operation(summary = "The JSON Feed 1.1 of one category", description = SCOPED)
    @APIResponse(responseCode = "200", description = "JSON Feed 1.1", content = @Content(mediaType = JsonFeedWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response jsonFeedOfCategory(@PathParam("slug") String slug, @Context UriInfo uriInfo) {
        return serve(FeedService.Format.JSON, scope("category", slug), uriInfo);
    }

    @GET
    @PublicRead
    @Path("feed.json/tags/{slug}")
    @Operation(summary = "The JSON Feed 1.1 of one tag", description = SCOPED)
    @APIResponse(responseCode = "200", description = "JSON Feed 1.1", content = @Content(mediaType = JsonFeedWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response jsonFeedOfTag(@PathParam("slug") String slug, @Context UriInfo uriInfo) {
        return serve(FeedService.Format.JSON, scope("tag", slug), uriInfo);
    }

    private static FeedService.Scope scope(String kind, String slug) {
        return new FeedService.Scope(kind, Slug.fromPath(slug, kind));
    }

    private Response serve(FeedService.Format format, FeedService.Scope scope, UriInfo uriInfo) {
        String type = switch (format) {
            case RSS -> RssWriter.MEDIA_TYPE;
            case ATOM -> AtomWriter.MEDIA_TYPE;
            case JSON -> JsonFeedWriter.MEDIA_TYPE;
        };
        String path = uriInfo.getRequestUri().getRawPath();
        FeedService.FeedDocument feed = feeds.build(format, scope, path);
        Response response = representations.read(null, representations.body(feed.bytes(), MediaType.valueOf(type),
                feed.lastModified()), cacheControl);
        if (hub == null) {
            return response;
        }
        // WebSub discovery (CONTRACT section 5); one header, so the response cache keeps it whole
        return Response.fromResponse(response)
                .header("Link", "<" + hub + ">; rel=\"hub\", <" + urls.base() + path + ">; rel=\"self\"").build();
    }
}
