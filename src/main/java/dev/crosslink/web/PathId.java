package dev.crosslink.web;

import java.util.UUID;

/** A UUID in a path ({id} of a token, a webhook, a delivery): anything else names nothing, a 404. */
public final class PathId {

    private PathId() {
    }

    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "No " + what + " with id " + (value.length() > 40 ? value.substring(0, 40) + "…" : value));
        }
    }
}
