package dev.crosslink.web;

import java.time.Instant;

/** A check a write runs against the current representation, inside its transaction (If-Match). */
@FunctionalInterface
public interface Precondition {

    Precondition NONE = (view, lastModified) -> { };

    void check(Object currentView, Instant lastModified);

    /**
     * What a write answers when the resource is not there (any more): a 404, or, when the request
     * carried If-Match, a 412, since no current representation can match it (RFC 9110, 13.1.1). This
     * is what the loser of a PATCH racing a DELETE with If-Match gets.
     */
    default ProblemException missing(String what, String slug) {
        return ProblemException.notFound(what, slug);
    }
}
