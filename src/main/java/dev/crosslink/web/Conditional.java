package dev.crosslink.web;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The conditional-request rules of RFC 9110 section 13, on header values as they arrive. Every
 * place that answers 304 or 412 (resources through {@link Representations}, the response cache on
 * the event loop) decides with these, so they cannot disagree.
 */
public final class Conditional {

    private Conditional() {
    }

    /**
     * 304 for a GET: If-None-Match decides when present (weak comparison); else If-Modified-Since,
     * when the representation has a Last-Modified.
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, String lastModified) {
        if (ifNoneMatch != null) {
            return etag != null && listMatches(ifNoneMatch, etag, true);
        }
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            var since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME);
            var modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
            return !modified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // an unparsable date is ignored, as the RFC says
        }
    }

    /** 412 for a write: an If-Match that names no current representation (strong comparison). */
    public static boolean preconditionFailed(String ifMatch, String etag) {
        return ifMatch != null && (etag == null || !listMatches(ifMatch, etag, false));
    }

    /** Whether a header's list of entity tags ("*", or "a", W/"b", ...) names the given quoted tag. */
    static boolean listMatches(String header, String etag, boolean weak) {
        if (header.strip().equals("*")) {
            return true;
        }
        String wanted = opaque(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
