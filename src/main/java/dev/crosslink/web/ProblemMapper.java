package dev.crosslink.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.crosslink.auth.TooManyFailedAuthentications;
import dev.crosslink.database.ConcurrentChangeException;
import dev.crosslink.database.DatabaseUnavailableException;
import dev.crosslink.importer.ImportTooLargeException;
import dev.crosslink.markdown.MarkdownTooComplexException;
import dev.crosslink.database.Transactions;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/**
 * Turns every failure, ours and the framework's, into application/problem+json. Nothing else
 * (no stack trace, no SQL, no HTML page) leaves the server.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    public static Response problem(int status, String detail, List<Problem.FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        if (status == 413) {
            title = "Content Too Large";
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors));
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"crosslink\"");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return problem(e.status(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(MethodNotAllowedException e) {
        return Response.fromResponse(problem(405, e.getMessage(), null)).header(HttpHeaders.ALLOW, e.allow()).build();
    }

    @ServerExceptionMapper
    public Response markdownTooComplex(MarkdownTooComplexException e) {
        return problem(ProblemException.field("markdown", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response importTooLarge(ImportTooLargeException e) {
        return problem(413, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("Validation failed");
        return problem(400, detail, errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        ProblemException cause = problemCause(e);
        if (cause != null) {
            return problem(cause);
        }
        return problem(400, "The request body is not valid JSON: " + clip(e.getOriginalMessage()), null);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return fieldShape(e);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        return fieldShape(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return problem(401, "A bearer token is required: send 'Authorization: Bearer <token>'", null);
    }

    @ServerExceptionMapper
    public Response tooManyFailures(TooManyFailedAuthentications e) {
        return Response.fromResponse(problem(429, e.getMessage(), null))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem(401, "The bearer token is not valid", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "This token's role may not do this", null);
    }

    /**
     * A write lost a race and could not win it on a retry (see {@code Transactions}). With an If-Match
     * the client asked "only if nobody changed it", and somebody did: 412. Without one, 409.
     */
    @ServerExceptionMapper({ConcurrentChangeException.class, OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentWrite(RuntimeException e, HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            return problem(412, "The resource was changed by another request since the version your If-Match names; "
                    + "read it again", null);
        }
        return lostRace();
    }

    private static Response lostRace() {
        return problem(409, "Another request changed the same data at the same moment; read it again and retry", null);
    }

    /** The database is unreachable: nothing was changed, and the client may try again shortly. */
    @ServerExceptionMapper
    public Response databaseUnavailable(DatabaseUnavailableException e) {
        LOG.warnf("Database unavailable: %s", rootMessage(e));
        return unavailable();
    }

    private static Response unavailable() {
        return Response.fromResponse(problem(503, "The database cannot be reached just now; try again shortly", null))
                .header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        ProblemException cause = problemCause(e);
        if (cause != null) {
            return problem(cause);
        }
        if (status == 400 && e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fieldShape(mapping);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return problem(500, "The server could not handle this request", null);
        }
        String detail = switch (status) {
            case 400 -> e.getCause() instanceof JsonProcessingException json
                    ? "The request body is not valid JSON: " + clip(json.getOriginalMessage())
                    : "The request could not be read";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "None of the accepted media types can be produced here";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type; send application/json"
                    + " (or application/merge-patch+json for PATCH)";
            default -> e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        };
        Response response = problem(status, detail, null);
        if (status == 405 && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (Transactions.unavailable(e)) {
            LOG.warnf("Database unavailable: %s", rootMessage(e));
            return unavailable();
        }
        if (Transactions.lostRace(e)) {
            return lostRace();
        }
        LOG.error("Unexpected failure", e);
        return problem(500, "The server could not handle this request", null);
    }

    /** A problem raised while the body was being read (BodyLimit's 413) arrives wrapped by the parser. */
    private static ProblemException problemCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    private Response fieldShape(JsonMappingException e) {
        ProblemException cause = problemCause(e);
        if (cause != null) {
            return problem(cause);
        }
        return problem(ProblemException.wrongShape(e));
    }

    /** Parser messages quote the offending input; a client needs the start of it, not all of it. */
    private static String clip(String message) {
        return message == null || message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }

    /** "create.input.title" becomes "title": clients know fields, not Java method arguments. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String last = null;
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER
                    || node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE) {
                last = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(node.getName());
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
        }
        return path.length() > 0 ? path.toString() : (last != null ? last : "body");
    }
}
