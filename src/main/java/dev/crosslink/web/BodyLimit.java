package dev.crosslink.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body limit ({@code cms.limits.body-size}, 4 MiB), answered with a problem+json 413.
 * A declared Content-Length over it is refused here before any byte is read; a chunked body is
 * counted as it is read ({@link #aroundReadFrom}) and refused the moment it passes the limit.
 * Quarkus' own limit ({@code quarkus.http.limits.max-body-size}) is set higher and is only a
 * backstop: it answers with a bare 413, which this class makes sure a client never meets.
 */
@ApplicationScoped
@Provider
public class BodyLimit implements ReaderInterceptor {

    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
            + "\"detail\":\"The declared request body (Content-Length %d) is larger than the limit of %d bytes\"}";

    /** Right after {@link SecurityHeaders}, before anything reads a body. */
    public static final int ROUTE_ORDER = SecurityHeaders.ROUTE_ORDER + 1;

    /** The one route with a larger limit of its own (cms.limits.restore-size): a whole site's export. */
    public static final String RESTORE_PATH = "/api/restore";

    private final long limit;
    private final long restoreLimit;

    public BodyLimit(CmsConfig config) {
        this.limit = config.limits().bodySize().asLongValue();
        this.restoreLimit = config.limits().restoreSize().asLongValue();
    }

    /** Marks the body parameter of the restore, which is held to cms.limits.restore-size instead. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
    public @interface WholeSite {
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        boolean wholeSite = java.util.Arrays.stream(context.getAnnotations()).anyMatch(a -> a instanceof WholeSite);
        context.setInputStream(new Counted(context.getInputStream(), wholeSite ? restoreLimit : limit));
        return context.proceed();
    }

    /** Counts what the entity reader takes and stops it one byte past the limit. */
    private static final class Counted extends FilterInputStream {
        private final long limit;
        private long read;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ProblemException(413, "The request body is larger than the limit of " + limit + " bytes");
            }
        }
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long allowed = RESTORE_PATH.equals(ctx.request().path()) ? restoreLimit : limit;
            if (declared != null && isOver(declared, allowed)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY.formatted(Long.parseLong(declared.trim()), allowed));
                return;
            }
            ctx.next();
        });
    }

    private static boolean isOver(String declared, long allowed) {
        try {
            return Long.parseLong(declared.trim()) > allowed;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
