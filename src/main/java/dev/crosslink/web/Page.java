package dev.crosslink.web;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list, in the contract's envelope, with its RFC 8288 {@code Link} header. */
@Schema(name = "Page", requiredProperties = {"items", "page", "size", "totalItems", "totalPages", "totalItemsExact"})
public record Page<T>(List<T> items,
                      @Schema(examples = "1") int page,
                      @Schema(examples = "20") int size,
                      @Schema(examples = "57") long totalItems,
                      @Schema(examples = "3") int totalPages,
                      @Schema(description = "false when totalItems is a bound, not a count: a text search with more "
                              + "matches than cms.search.max-results says that many, and its pages end there")
                      boolean totalItemsExact) {

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return of(items, page, size, totalItems, true);
    }

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems, boolean exact) {
        int totalPages = (int) Math.max(1, (totalItems + size - 1) / size);
        return new Page<>(items, page, size, totalItems, totalPages, exact);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages, totalItemsExact);
    }

    /** next, prev, first and last, where they exist, keeping every other query parameter. */
    public String linkHeader(UriInfo uriInfo, SiteUrls urls) {
        List<String> links = new ArrayList<>(4);
        if (page < totalPages) {
            links.add(link(uriInfo, urls, page + 1, "next"));
        }
        if (page > 1) {
            links.add(link(uriInfo, urls, Math.min(page - 1, totalPages), "prev"));
        }
        links.add(link(uriInfo, urls, 1, "first"));
        links.add(link(uriInfo, urls, totalPages, "last"));
        return String.join(", ", links);
    }

    /** 200 with this page and its Link header. */
    public RestResponse<Page<T>> toResponse(UriInfo uriInfo, SiteUrls urls) {
        return RestResponse.ResponseBuilder.ok(this).header("Link", linkHeader(uriInfo, urls)).build();
    }

    /** Absolute on cms.site.url: the request's Host is never trusted (and the cache keeps this header). */
    private String link(UriInfo uriInfo, SiteUrls urls, int target, String rel) {
        UriBuilder uri = uriInfo.getRequestUriBuilder().replaceQueryParam("page", target);
        return "<" + urls.api(uri.build().getRawPath() + "?" + uri.build().getRawQuery()) + ">; rel=\"" + rel + "\"";
    }
}
