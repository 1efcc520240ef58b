package dev.crosslink.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The event types of CONTRACT section 11, by their wire names. */
public enum WebhookEvent {
    POST_PUBLISHED("post.published"),
    POST_UPDATED("post.updated"),
    POST_UNPUBLISHED("post.unpublished"),
    POST_DELETED("post.deleted"),
    CATEGORY_CHANGED("category.changed"),
    TAG_CHANGED("tag.changed"),
    PING("ping");

    private final String wire;

    WebhookEvent(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static WebhookEvent fromWire(String value) {
        for (WebhookEvent event : values()) {
            if (event.wire.equals(value)) {
                return event;
            }
        }
        throw new IllegalArgumentException("no event type '" + value + "'");
    }
}
