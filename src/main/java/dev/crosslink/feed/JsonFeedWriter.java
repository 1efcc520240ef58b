package dev.crosslink.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same items. */
@ApplicationScoped
public class JsonFeedWriter {

    public static final String MEDIA_TYPE = "application/feed+json; charset=UTF-8";
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final ObjectMapper mapper;

    public JsonFeedWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] write(FeedChannel channel) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", VERSION);
        feed.put("title", channel.title());
        feed.put("home_page_url", channel.link());
        feed.put("feed_url", channel.selfUrl());
        feed.put("description", channel.description());
        feed.put("language", channel.language());
        if (channel.hub() != null) {
            Map<String, Object> hub = new LinkedHashMap<>();
            hub.put("type", "WebSub");
            hub.put("url", channel.hub());
            feed.put("hubs", java.util.List.of(hub));
        }
        feed.put("items", channel.items().stream().map(JsonFeedWriter::item).toList());
        try {
            return mapper.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> item(FeedItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.guid());
        json.put("url", item.link());
        json.put("title", item.title());
        json.put("content_html", item.contentHtml());
        json.put("summary", item.summary());
        json.put("date_published", item.published().toString());
        json.put("date_modified", item.updated().toString());
        json.put("authors", List.of(Map.of("name", item.author())));
        json.put("tags", item.categories());
        return json;
    }
}
