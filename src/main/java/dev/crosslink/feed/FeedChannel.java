package dev.crosslink.feed;

import java.time.Instant;
import java.util.List;

/**
 * What a feed is about, independent of format. {@code updated} comes from the content (the
 * newest change among the items), never from the clock, so the same content gives the same bytes.
 * {@code hub} is the WebSub hub feeds name (cms.websub.hub), or null.
 */
public record FeedChannel(String title, String link, String description, String language, String selfUrl,
                          Instant updated, List<FeedItem> items, String hub) {

    /** A feed with no WebSub hub. */
    public FeedChannel(String title, String link, String description, String language, String selfUrl, Instant updated,
                       List<FeedItem> items) {
        this(title, link, description, language, selfUrl, updated, items, null);
    }
}
