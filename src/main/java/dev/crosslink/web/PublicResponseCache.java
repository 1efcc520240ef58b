package dev.crosslink.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process HTTP cache for anonymous GETs of public content, in front of the REST layer.
 *
 * <p>Reads of published content vastly outnumber writes, and what an anonymous reader sees only
 * changes on a write or when a scheduled post's time comes. So the first anonymous GET of a URL
 * stores the exact response bytes, and later ones are answered from memory on the event loop,
 * with no worker thread, query or serialization. Every committed write ({@link ContentChanged})
 * and every publication instant ({@link #expireAt}) starts a new generation; an entry is served
 * only if it was made in the current generation, from a request that began in it, so a response
 * built from data read before a commit can never outlive that commit.
 *
 * <p>The cache is per process: with several instances, each keeps its own and learns only of
 * writes it served. Run one writer instance, or put a short-lived shared cache in front instead.
 */
@ApplicationScoped
public class PublicResponseCache {

    /** Cached bodies in all, before new entries are refused (they are then simply not cached). */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final String GENERATION = "crosslink.cache.generation";
    private static final String[] CACHEABLE_PREFIXES = {"/api/posts", "/api/categories", "/api/tags", "/api/graph", "/rss", "/atom",
        "/feed.json"};

    private record Entry(long generation, byte[] body, String contentType, String etag, String lastModified,
                         String link, String cacheControl) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final ObjectMapper mapper;
    private volatile long expiresAtMillis = Long.MAX_VALUE;

    public PublicResponseCache(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Forgets everything: called after every committed content change. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
        bytes.set(0);
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        invalidate();
    }

    /** The next instant public content changes without a write (a scheduled post going public). */
    public void expireAt(Instant instant) {
        expiresAtMillis = instant == null ? Long.MAX_VALUE : instant.toEpochMilli();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (!isCacheable(request)) {
                ctx.next();
                return;
            }
            if (System.currentTimeMillis() >= expiresAtMillis) {
                expiresAtMillis = Long.MAX_VALUE; // the publication clock sets the next one
                invalidate();
            }
            Entry entry = entries.get(request.uri());
            long current = generation.get();
            if (entry != null && entry.generation() == current) {
                respond(request, entry);
                return;
            }
            ctx.put(GENERATION, current);
            ctx.next();
        });
    }

    private static boolean isCacheable(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String path = request.path();
        for (String prefix : CACHEABLE_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void respond(HttpServerRequest request, Entry entry) {
        HttpServerResponse response = request.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, entry.contentType());
        if (entry.etag() != null) {
            response.putHeader(HttpHeaders.ETAG, entry.etag());
        }
        if (entry.lastModified() != null) {
            response.putHeader(HttpHeaders.LAST_MODIFIED, entry.lastModified());
        }
        if (entry.link() != null) {
            response.putHeader("Link", entry.link());
        }
        if (entry.cacheControl() != null) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, entry.cacheControl());
        }
        if (notModified(request, entry)) {
            response.setStatusCode(304).end();
            return;
        }
        response.end(Buffer.buffer(entry.body()));
    }

    /** RFC 9110 section 13.2.2: If-None-Match decides when present; else If-Modified-Since. */
    private static boolean notModified(HttpServerRequest request, Entry entry) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return entry.etag() != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(entry.etag()));
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null || entry.lastModified() == null) {
            return false;
        }
        try {
            var since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME);
            var modified = ZonedDateTime.parse(entry.lastModified(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return !modified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Marks the JAX-RS request with the generation its route saw, so the answer can be stored. */
    @ServerRequestFilter
    public void mark(ContainerRequestContext request, io.vertx.ext.web.RoutingContext routing) {
        Long seen = routing.get(GENERATION);
        if (seen != null) {
            request.setProperty(GENERATION, seen);
        }
    }

    @ServerResponseFilter
    public void store(ContainerRequestContext request, ContainerResponseContext response) {
        Object seen = request.getProperty(GENERATION);
        if (!(seen instanceof Long started) || response.getStatus() != 200 || !response.hasEntity()
                || started != generation.get()) {
            return;
        }
        byte[] body;
        try {
            body = response.getEntity() instanceof byte[] b ? b : mapper.writeValueAsBytes(response.getEntity());
        } catch (JsonProcessingException e) {
            return;
        }
        if (bytes.addAndGet(body.length) > MAX_BYTES) {
            bytes.addAndGet(-body.length);
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String contentType = response.getMediaType() == null ? "application/json;charset=UTF-8" : response.getMediaType().toString();
        entries.put(key, new Entry(started, body, contentType, response.getHeaderString("ETag"),
                response.getHeaderString("Last-Modified"), response.getHeaderString("Link"),
                response.getHeaderString("Cache-Control")));
    }
}
