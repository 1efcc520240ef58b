package dev.crosslink.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one webhook, in the outbox: written in the transaction of the change, sent by
 * whichever node claims it first, retried until delivered or given up.
 */
@Entity
@Table(name = "webhook_delivery")
class Delivery {

    enum Status { pending, delivered, failed }

    @Id
    private UUID id;

    @Column(name = "webhook_id")
    private UUID webhookId;

    @Column(name = "target_url", length = 2000)
    private String targetUrl;

    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;

    @Column(name = "event_type", nullable = false, length = 32)
    private String eventType;

    @Column(name = "post_id")
    private UUID postId;

    @Column(nullable = false, length = 8 << 20)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "locked_by", length = 64)
    private String lockedBy;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected Delivery() {
    }

    Delivery(UUID webhookId, WebhookEvent event, UUID postId, String payload, Instant createdAt, Instant due) {
        this.id = UUID.randomUUID();
        this.webhookId = webhookId;
        this.messageId = "msg_" + id.toString().replace("-", "");
        this.eventType = event.wire();
        this.postId = postId;
        this.payload = payload;
        this.createdAt = createdAt;
        this.status = Status.pending;
        this.nextAttemptAt = due;
    }

    /** A WebSub publish ping (CONTRACT section 5): no webhook, no signature, a form body for the hub. */
    static Delivery hubPing(String hub, String form, UUID postId, Instant createdAt, Instant due) {
        Delivery delivery = new Delivery(null, WebhookEvent.POST_PUBLISHED, postId, form, createdAt, due);
        delivery.eventType = HUB_PING;
        delivery.targetUrl = hub;
        return delivery;
    }

    static final String HUB_PING = "websub.publish";

    /** Sent again on request, under the same message id (a receiver that saw it may drop it). */
    void redeliver(Instant now) {
        status = Status.pending;
        nextAttemptAt = now;
        lockedBy = null;
        lockedUntil = null;
    }

    /** The node holding the lease answered for this attempt: delivered, given up, or due again at {@code next}. */
    void attempted(Status outcome, Instant next) {
        attempts++;
        status = outcome;
        nextAttemptAt = outcome == Status.pending ? next : null;
        lockedBy = null;
        lockedUntil = null;
    }

    String lockedBy() {
        return lockedBy;
    }

    UUID id() {
        return id;
    }

    String targetUrl() {
        return targetUrl;
    }

    UUID webhookId() {
        return webhookId;
    }

    String messageId() {
        return messageId;
    }

    String eventType() {
        return eventType;
    }

    String payload() {
        return payload;
    }

    Instant createdAt() {
        return createdAt;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
