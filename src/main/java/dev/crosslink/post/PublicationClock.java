package dev.crosslink.post;

import dev.crosslink.web.ContentChanged;
import dev.crosslink.web.PublicResponseCache;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * Scheduled posts go public by rule, not by job; but cached public answers must still change at
 * that instant. This tells the public response cache when the next publication is due, and wakes
 * up then to look for the one after.
 */
@ApplicationScoped
public class PublicationClock {

    private final PostRepository posts;
    private final PublicResponseCache cache;
    private final Vertx vertx;
    private long timer = -1;

    public PublicationClock(PostRepository posts, PublicResponseCache cache, Vertx vertx) {
        this.posts = posts;
        this.cache = cache;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        schedule(nextPublication());
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        vertx.executeBlocking(() -> {
            schedule(nextPublication());
            return null;
        }, false);
    }

    @Transactional
    Optional<Instant> nextPublication() {
        return posts.nextPublicationAfter(Instant.now());
    }

    private synchronized void schedule(Optional<Instant> next) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        cache.expireAt(next.orElse(null));
        if (next.isPresent()) {
            long delay = Math.max(1, next.get().toEpochMilli() - System.currentTimeMillis() + 1);
            timer = vertx.setTimer(delay, id -> vertx.executeBlocking(() -> {
                cache.invalidate();
                schedule(nextPublication());
                return null;
            }, false));
        }
    }
}
