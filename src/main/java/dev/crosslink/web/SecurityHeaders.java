package dev.crosslink.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every response carries (CONTRACT section 3), set as the headers leave so that they also
 * reach responses no resource wrote (Swagger UI, health, the response cache, Quarkus' own errors):
 * {@code X-Content-Type-Options: nosniff} always; HTML may not be framed by another origin; and an
 * answer to a request that carried credentials is never stored by a shared cache.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String NO_STORE = "private, no-store";
    /** First of all routes, so that even an answer another early route gives (413, the cache) has them. */
    public static final int ROUTE_ORDER = Integer.MIN_VALUE;

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(ctx -> {
            boolean authenticated = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
            HttpServerResponse response = ctx.response();
            ctx.addHeadersEndHandler(ignored -> {
                response.putHeader("X-Content-Type-Options", "nosniff");
                String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.startsWith("text/html")) {
                    response.putHeader("Content-Security-Policy", "frame-ancestors 'self'");
                    response.putHeader("X-Frame-Options", "SAMEORIGIN");
                }
                if (authenticated) {
                    response.putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
                }
            });
            ctx.next();
        });
    }
}
