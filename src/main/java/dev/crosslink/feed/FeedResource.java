package dev.crosslink.feed;

import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.Representations;
import dev.crosslink.web.Slug;
import dev.crosslink.web.PublicRead;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /rss, /atom and /feed.json, for the whole site or one category or tag. */
@Path("/")
@Tag(name = "Feeds", description = "RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest public posts")
public class FeedResource {

    private final FeedService feeds;
    private final Representations representations;
    private final String cacheControl;

    public FeedResource(FeedService feeds, Representations representations, CmsConfig config) {
        this.feeds = feeds;
        this.representations = representations;
        this.cacheControl = "public, max-age=" + config.feed().maxAge();
    }

    @GET
    @PublicRead
    @Path("{format: rss|atom|feed\\.json}")
    @Operation(summary = "The site's feed", description = "rss: RSS 2.0 (application/rss+xml); atom: Atom 1.0; "
            + "feed.json: JSON Feed 1.1. ETag and Last-Modified come from the content; conditional requests get 304.")
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response site(@PathParam("format") @Parameter(schema = @Schema(enumeration = {"rss", "atom", "feed.json"})) String format,
                         @Context Request request, @Context UriInfo uriInfo) {
        return serve(format, FeedService.Scope.ALL, request, uriInfo);
    }

    @GET
    @PublicRead
    @Path("{format: rss|atom|feed\\.json}/{kind: categories|tags}/{slug}")
    @Operation(summary = "The feed of one category or tag", description = "404 for an unknown category or tag.")
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response scoped(@PathParam("format") @Parameter(schema = @Schema(enumeration = {"rss", "atom", "feed.json"})) String format,
                           @PathParam("kind") @Parameter(schema = @Schema(enumeration = {"categories", "tags"})) String kind,
                           @PathParam("slug") String slug, @Context Request request, @Context UriInfo uriInfo) {
        String what = kind.equals("categories") ? "category" : "tag";
        return serve(format, new FeedService.Scope(what, Slug.fromPath(slug, what)), request, uriInfo);
    }

    private Response serve(String format, FeedService.Scope scope, Request request, UriInfo uriInfo) {
        FeedService.Format kind = switch (format) {
            case "rss" -> FeedService.Format.RSS;
            case "atom" -> FeedService.Format.ATOM;
            default -> FeedService.Format.JSON;
        };
        String type = switch (kind) {
            case RSS -> RssWriter.MEDIA_TYPE;
            case ATOM -> AtomWriter.MEDIA_TYPE;
            case JSON -> JsonFeedWriter.MEDIA_TYPE;
        };
        FeedService.FeedDocument feed = feeds.build(kind, scope, uriInfo.getRequestUri().getRawPath());
        return representations.read(request, representations.body(feed.bytes(), MediaType.valueOf(type), feed.lastModified()),
                cacheControl);
    }
}
