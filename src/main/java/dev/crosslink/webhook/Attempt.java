package dev.crosslink.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One try at sending a delivery: what came back, how long it took, and when the next try is. */
@Entity
@Table(name = "webhook_attempt")
class Attempt {

    @Id
    private UUID id;

    @Column(name = "delivery_id", nullable = false)
    private UUID deliveryId;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "response_code")
    private Integer responseCode;

    @Column(name = "duration_ms", nullable = false)
    private int durationMs;

    @Column(length = 500)
    private String error;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    protected Attempt() {
    }

    Attempt(UUID deliveryId, Instant attemptedAt, Integer responseCode, int durationMs, String error, Instant nextAttemptAt) {
        this.id = UUID.randomUUID();
        this.deliveryId = deliveryId;
        this.attemptedAt = attemptedAt;
        this.responseCode = responseCode;
        this.durationMs = durationMs;
        this.error = error == null || error.length() <= 500 ? error : error.substring(0, 499) + "…";
        this.nextAttemptAt = nextAttemptAt;
    }

    Instant attemptedAt() {
        return attemptedAt;
    }

    Integer responseCode() {
        return responseCode;
    }

    int durationMs() {
        return durationMs;
    }

    String error() {
        return error;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
