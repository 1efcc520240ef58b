package dev.crosslink.preview;

import dev.crosslink.database.Transactions;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Preview tokens (CONTRACT section 10): {@code v1.<post id and expiry>.<HMAC-SHA256 of both>},
 * base64url. The key is a row in the database, so every node signs and accepts the same tokens,
 * and a token names one post: it opens that post and no other. Nothing about a token is stored.
 */
@ApplicationScoped
public class PreviewTokens {

    private static final String KEY_NAME = "preview-hmac";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    public record Issued(String token, Instant expiresAt) {
    }

    private final EntityManager em;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration ttl;
    private volatile byte[] key;

    public PreviewTokens(EntityManager em, Transactions transactions, Clock clock, CmsConfig config) {
        this.em = em;
        this.transactions = transactions;
        this.clock = clock;
        this.ttl = config.preview().ttl();
    }

    /**
     * The key is read (or made) at startup, outside any request's transaction, so two nodes that
     * start together race only here, where a lost race is simply retried (Transactions).
     */
    void onStart(@Observes StartupEvent event) {
        key();
    }

    public Issued issue(UUID post) {
        Instant expires = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        byte[] payload = ByteBuffer.allocate(24).putLong(post.getMostSignificantBits()).putLong(post.getLeastSignificantBits())
                .putLong(expires.getEpochSecond()).array();
        return new Issued("v1." + B64.encodeToString(payload) + "." + B64.encodeToString(sign(payload)), expires);
    }

    /** The post a token opens; a 401 problem for a token that is malformed, forged or expired. */
    public UUID postOf(String token) {
        String[] parts = token.split("\\.", -1);
        byte[] payload;
        byte[] signature;
        try {
            if (parts.length != 3 || !parts[0].equals("v1")) {
                throw invalid();
            }
            payload = UNB64.decode(parts[1]);
            signature = UNB64.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (payload.length != 24 || !MessageDigest.isEqual(signature, sign(payload))) {
            throw invalid();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        UUID post = new UUID(fields.getLong(), fields.getLong());
        if (!clock.instant().isBefore(Instant.ofEpochSecond(fields.getLong()))) {
            throw invalid();
        }
        return post;
    }

    private static ProblemException invalid() {
        return new ProblemException(401, "The preview token is not valid, or it has expired");
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The shared key, made by the first node that starts (a node that loses that race reads the winner's). */
    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            String secret = transactions.write(() -> {
                SigningKey stored = em.find(SigningKey.class, KEY_NAME);
                if (stored == null) {
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    stored = new SigningKey(KEY_NAME, Base64.getEncoder().encodeToString(fresh), clock.instant());
                    em.persist(stored);
                    em.flush();
                }
                return stored.secret();
            });
            known = Base64.getDecoder().decode(secret);
            key = known;
        }
        return known;
    }
}
