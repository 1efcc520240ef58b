package dev.crosslink.web;

import java.time.Instant;

/** A check a write runs against the current representation, inside its transaction (If-Match). */
@FunctionalInterface
public interface Precondition {

    Precondition NONE = (view, lastModified) -> { };

    void check(Object currentView, Instant lastModified);
}
