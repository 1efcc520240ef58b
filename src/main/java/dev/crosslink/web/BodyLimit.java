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

    private final long limit;

    public BodyLimit(CmsConfig config) {
        this.limit = config.limits().bodySize().asLongValue();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counted(context.getInputStream()));
        return context.proceed();
    }

    /** Counts what the entity reader takes and stops it one byte past the limit. */
    private final class Counted extends FilterInputStream {
        private long read;

        Counted(InputStream in) {
            super(in);
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
            if (declared != null && isOver(declared)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY.formatted(Long.parseLong(declared.trim()), limit));
                return;
            }
            ctx.next();
        });
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
