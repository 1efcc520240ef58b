package dev.crosslink.webhook;

import dev.crosslink.database.StringListColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint told about changes (CONTRACT section 11). Its secret signs every delivery and is shown once. */
@Entity
@Table(name = "webhook")
class Webhook {

    @Id
    private UUID id;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(length = 500)
    private String description;

    @Column(nullable = false, length = 1000)
    @Convert(converter = StringListColumn.class)
    private List<String> events;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Webhook() {
    }

    Webhook(String url, String description, List<WebhookEvent> events, String secret, Instant now) {
        this.id = UUID.randomUUID();
        this.secret = secret;
        this.createdAt = now;
        change(url, description, events, true, now);
    }

    void change(String url, String description, List<WebhookEvent> events, boolean enabled, Instant now) {
        this.url = url;
        this.description = description;
        this.events = events.stream().map(WebhookEvent::wire).distinct().toList();
        if (enabled && !this.enabled) {
            disabledReason = null;
        }
        this.enabled = enabled;
        this.updatedAt = now;
    }

    /** A receiver answered 410 Gone: it asked to hear no more. */
    void disable(String reason, Instant now) {
        this.enabled = false;
        this.disabledReason = reason;
        this.updatedAt = now;
    }

    boolean wants(WebhookEvent event) {
        return enabled && (event == WebhookEvent.PING || events.contains(event.wire()));
    }

    UUID id() {
        return id;
    }

    String url() {
        return url;
    }

    String description() {
        return description;
    }

    List<WebhookEvent> events() {
        return events.stream().map(WebhookEvent::fromWire).toList();
    }

    String secret() {
        return secret;
    }

    boolean enabled() {
        return enabled;
    }

    String disabledReason() {
        return disabledReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
