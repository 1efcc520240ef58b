package dev.crosslink.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crosslink.web.BodyLimit;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.Conditional;
import dev.crosslink.web.ContentChanged;
import dev.crosslink.web.PublicRead;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process HTTP cache for anonymous GETs of public content, in front of the REST layer.
 *
 * <p>Reads of published content vastly outnumber writes, and what an anonymous reader sees only
 * changes on a write or when a scheduled post's time comes. So the first anonymous GET of a URL
 * stores the exact response bytes, and later ones are answered from memory on the event loop,
 * with no worker thread, query or serialization.
 *
 * <p>What may be stored is declared by the resources ({@link PublicRead}); entries are keyed on
 * the path and the method's own query parameters in a normal order, so a request with any other
 * parameter is never stored. Entries are kept within a byte budget, the least recently used going
 * first.
 *
 * <p>Freshness: every committed change (on this node through {@link ContentChanged}, on another
 * through {@link GenerationListener}) and every publication instant starts a new generation. An
 * entry is served only if it was made in the current generation, from a request that began in it,
 * so a response built from data read before a commit can never outlive that commit.
 */
@ApplicationScoped
public class ResponseCache {

    private static final String GENERATION = "crosslink.cache.generation";
    private static final String KEY = "crosslink.cache.key";

    private record Entry(long generation, byte[] body, String contentType, String etag, String lastModified,
                         String link, String cacheControl) {
        long size() {
            return body.length + 256L;
        }
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final AtomicLong generation = new AtomicLong();
    private final Map<Method, Set<String>> knownParameters = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final long maxBytes;
    private long bytes;
    private volatile long expiresAtMillis = Long.MAX_VALUE;
    private volatile boolean suspended;

    public ResponseCache(ObjectMapper mapper, CmsConfig config) {
        this.mapper = mapper;
        this.maxBytes = config.cache().maxSize().asLongValue();
    }

    /** Forgets everything: after every committed content change, here or on another node. */
    public void invalidate() {
        generation.incrementAndGet();
        synchronized (entries) {
            entries.clear();
            bytes = 0;
        }
    }

    /**
     * While the node cannot learn of other nodes' writes (its listener is reconnecting), nothing is
     * served from or stored in the cache: every request reads the database.
     */
    void suspend(boolean suspend) {
        if (suspend && !suspended) {
            invalidate();
        }
        suspended = suspend;
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        invalidate();
    }

    /** The next instant public content changes without a write (a scheduled post going public). */
    void expireAt(Instant instant) {
        expiresAtMillis = instant == null ? Long.MAX_VALUE : PublicationClock.epochMillis(instant);
    }

    long generation() {
        return generation.get();
    }

    long size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    void install(@Observes Router router) {
        router.route().order(BodyLimit.ROUTE_ORDER + 1).handler(this::lookup);
    }

    private void lookup(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (suspended || request.method() != HttpMethod.GET || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            ctx.next();
            return;
        }
        if (System.currentTimeMillis() >= expiresAtMillis) {
            expiresAtMillis = Long.MAX_VALUE; // the publication clock sets the next one
            invalidate();
        }
        long current = generation.get();
        String key = CacheKey.of(request.path(), ctx.queryParams());
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && entry.generation() == current) {
            respond(request, entry);
            return;
        }
        ctx.put(GENERATION, current);
        ctx.put(KEY, key);
        ctx.next();
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
        if (Conditional.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                entry.etag(), entry.lastModified())) {
            response.setStatusCode(304).end();
            return;
        }
        response.end(Buffer.buffer(entry.body()));
    }

    /** Marks the JAX-RS request with the generation and key its route saw, so the answer can be stored. */
    @ServerRequestFilter
    public void mark(ContainerRequestContext request, RoutingContext routing) {
        Long seen = routing.get(GENERATION);
        if (seen != null) {
            request.setProperty(GENERATION, seen);
            request.setProperty(KEY, routing.get(KEY));
        }
    }

    @ServerResponseFilter
    public void store(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Object seen = request.getProperty(GENERATION);
        if (!(seen instanceof Long started) || response.getStatus() != 200 || !response.hasEntity()
                || started != generation.get() || suspended) {
            return;
        }
        String cacheControl = response.getHeaderString("Cache-Control");
        if (cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("private"))) {
            return; // a preview, or anything else its resource says no shared cache may keep
        }
        Method method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(PublicRead.class)
                || !known(method).containsAll(request.getUriInfo().getQueryParameters().keySet())) {
            return;
        }
        byte[] body;
        try {
            if (response.getEntity() instanceof StreamingOutput streaming) {
                // written once, here, and sent from these bytes: what is cached is what was sent
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                streaming.write(buffer);
                body = buffer.toByteArray();
                response.setEntity(body);
            } else {
                body = response.getEntity() instanceof byte[] b ? b : mapper.writeValueAsBytes(response.getEntity());
            }
        } catch (IOException e) {
            return;
        }
        String contentType = response.getMediaType() == null ? "application/json;charset=UTF-8" : response.getMediaType().toString();
        Entry entry = new Entry(started, body, contentType, response.getHeaderString("ETag"),
                response.getHeaderString("Last-Modified"), response.getHeaderString("Link"),
                response.getHeaderString("Cache-Control"));
        if (entry.size() > maxBytes / 4) {
            return; // one huge answer must not push out everything else
        }
        synchronized (entries) {
            if (started != generation.get()) {
                return;
            }
            Entry old = entries.put((String) request.getProperty(KEY), entry);
            bytes += entry.size() - (old == null ? 0 : old.size());
            for (Iterator<Entry> eldest = entries.values().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
                bytes -= eldest.next().size();
                eldest.remove();
            }
        }
    }

    /** The query parameters a resource method reads, directly or through a @BeanParam. */
    private Set<String> known(Method method) {
        return knownParameters.computeIfAbsent(method, m -> {
            Set<String> names = new HashSet<>();
            for (Parameter parameter : m.getParameters()) {
                collect(parameter, names);
                if (parameter.isAnnotationPresent(BeanParam.class)) {
                    Class<?> bean = parameter.getType();
                    if (bean.isRecord()) {
                        for (RecordComponent component : bean.getRecordComponents()) {
                            collect(component, names);
                        }
                    }
                    for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                        for (var field : c.getDeclaredFields()) {
                            collect(field, names);
                        }
                        for (var setter : c.getDeclaredMethods()) {
                            collect(setter, names);
                        }
                    }
                }
            }
            return Set.copyOf(names);
        });
    }

    private static void collect(AnnotatedElement element, Set<String> names) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
    }
}
