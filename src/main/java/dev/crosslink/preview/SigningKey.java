package dev.crosslink.preview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A named secret every node signs and verifies with; made once, at first use, by whichever node is first. */
@Entity
@Table(name = "signing_key")
class SigningKey {

    @Id
    @Column(length = 64)
    private String name;

    /** 32 random bytes, base64. */
    @Column(nullable = false, length = 128)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SigningKey() {
    }

    SigningKey(String name, String secret, Instant createdAt) {
        this.name = name;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    String secret() {
        return secret;
    }
}
