package dev.crosslink.feed;

import java.time.Instant;
import java.util.List;

/** One post as every feed format carries it; contentHtml already has absolute URLs. */
public record FeedItem(String title, String link, String guid, Instant published, Instant updated, String summary,
                       String author, String contentHtml, List<String> categories) {
}
