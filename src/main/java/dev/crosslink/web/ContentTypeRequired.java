package dev.crosslink.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A body must say what it is (CONTRACT section 3): a POST, PUT or PATCH that carries a body and no
 * {@code Content-Type} is a 415, before any resource guesses at it. Checked before matching, so it
 * holds for every endpoint, present and future.
 */
public class ContentTypeRequired {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void requireContentType(ContainerRequestContext request) {
        if (WRITES.contains(request.getMethod()) && request.hasEntity() && request.getHeaderString("Content-Type") == null) {
            throw new ProblemException(415, "A request body needs a Content-Type header (application/json for this API)");
        }
    }
}
