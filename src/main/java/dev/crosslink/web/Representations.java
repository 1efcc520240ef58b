package dev.crosslink.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/**
 * Conditional requests for single resources: the ETag is a digest of the JSON a client would get,
 * so it changes exactly when the representation does (a renamed category changes its posts' JSON
 * too), and If-None-Match, If-Modified-Since and If-Match all compare against the same thing.
 */
@ApplicationScoped
public class Representations {

    private final ObjectMapper mapper;
    private final HttpHeaders headers;

    public Representations(ObjectMapper mapper, HttpHeaders headers) {
        this.mapper = mapper;
        this.headers = headers;
    }

    /** A serialized representation with its validators. */
    public record Body(byte[] bytes, MediaType type, EntityTag etag, Date lastModified) {
    }

    public Body body(Object view, Instant lastModified) {
        try {
            return body(mapper.writeValueAsBytes(view), MediaType.APPLICATION_JSON_TYPE, lastModified);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Body body(byte[] bytes, MediaType type, Instant lastModified) {
        return new Body(bytes, type, etagOf(bytes), lastModified == null ? null
                : Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** 200 with the body, or 304 when the client's copy is current. */
    public Response read(Request request, Body body) {
        return read(request, body, (String) null);
    }

    /** As {@link #read(Request, Body)}, with a Cache-Control header ("public, max-age=300", say) when given. */
    public Response read(Request request, Body body, String cacheControl) {
        String etag = quoted(body.etag());
        String lastModified = body.lastModified() == null ? null : httpDate(body.lastModified());
        boolean notModified = Conditional.notModified(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, lastModified);
        Response.ResponseBuilder builder = notModified ? Response.notModified() : Response.ok(body.bytes(), body.type());
        builder.tag(body.etag());
        if (body.lastModified() != null) {
            builder.lastModified(body.lastModified());
        }
        if (cacheControl != null) {
            builder.header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        return builder.build();
    }

    public Response read(Request request, Object view, Instant lastModified) {
        return read(request, body(view, lastModified));
    }

    /** Throws 412 when the request's If-Match does not name the current representation. */
    public void requireCurrent(Request request, Object currentView, Instant lastModified) {
        Body current = body(currentView, lastModified);
        if (Conditional.preconditionFailed(headers.getHeaderString(HttpHeaders.IF_MATCH), quoted(current.etag()))) {
            throw new ProblemException(412, "The resource has changed since the version your If-Match names; "
                    + "read it again (current ETag " + quoted(current.etag()) + ")");
        }
    }

    private static String quoted(EntityTag tag) {
        return "\"" + tag.getValue() + "\"";
    }

    private static String httpDate(Date date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(date.toInstant().atZone(ZoneOffset.UTC));
    }

    /** The If-Match check of this request, to be run by the service on the state it is about to change. */
    public Precondition precondition(Request request) {
        if (headers.getHeaderString(HttpHeaders.IF_MATCH) == null) {
            return Precondition.NONE;
        }
        return new Precondition() {
            @Override
            public void check(Object currentView, Instant lastModified) {
                requireCurrent(request, currentView, lastModified);
            }

            @Override
            public ProblemException missing(String what, String slug) {
                return new ProblemException(412, "If-Match names a version of the " + what + " '" + slug
                        + "', which no longer exists");
            }
        };
    }

    public Response created(java.net.URI location, Object view, Instant lastModified) {
        Body body = body(view, lastModified);
        return Response.created(location).entity(body.bytes()).type(MediaType.APPLICATION_JSON_TYPE)
                .tag(body.etag()).lastModified(body.lastModified()).build();
    }

    public Response ok(Object view, Instant lastModified) {
        Body body = body(view, lastModified);
        Response.ResponseBuilder builder = Response.ok(body.bytes(), MediaType.APPLICATION_JSON_TYPE).tag(body.etag());
        if (body.lastModified() != null) {
            builder.lastModified(body.lastModified());
        }
        return builder.build();
    }

    static EntityTag etagOf(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
