package dev.crosslink.cache;

import dev.crosslink.post.PostRepository;
import dev.crosslink.web.ContentChanged;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Scheduled posts go public by rule, not by job; but cached public answers must still change at
 * that instant. This tells the response cache when the next publication is due, and wakes up then
 * to look for the one after. Every node runs its own clock and re-reads the next instant after any
 * change on any node, so a post scheduled through one node goes public on all of them.
 *
 * <p>It must never stop the server: whatever instant is stored (a year 300,000,000 from before
 * dates were bounded, say), the arithmetic saturates, and a timer is never set further than an
 * hour ahead; it simply looks again then.
 */
@ApplicationScoped
public class PublicationClock {

    private static final Logger LOG = Logger.getLogger(PublicationClock.class);
    static final long MAX_TIMER_MILLIS = Duration.ofHours(1).toMillis();

    private final PostRepository posts;
    private final ResponseCache cache;
    private final Vertx vertx;
    private final Clock clock;
    private long timer = -1;

    public PublicationClock(PostRepository posts, ResponseCache cache, Vertx vertx, Clock clock) {
        this.posts = posts;
        this.cache = cache;
        this.vertx = vertx;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        reschedule();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        rescheduleLater();
    }

    /** Looks up the next publication again, off the calling thread (an event loop or a request's). */
    void rescheduleLater() {
        vertx.executeBlocking(() -> {
            reschedule();
            return null;
        }, false);
    }

    void reschedule() {
        try {
            schedule(nextPublication());
        } catch (RuntimeException e) {
            // The database may be down: look again soon rather than never.
            LOG.debugf("Could not read the next publication instant: %s", e.toString());
            schedule(Optional.of(clock.instant().plusSeconds(5)));
        }
    }

    @Transactional
    Optional<Instant> nextPublication() {
        return posts.nextPublicationAfter(clock.instant());
    }

    private synchronized void schedule(Optional<Instant> next) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        cache.expireAt(next.orElse(null));
        if (next.isPresent()) {
            long due = epochMillis(next.get());
            long delay = Math.max(1, Math.min(MAX_TIMER_MILLIS, due - clock.millis() + 1));
            timer = vertx.setTimer(delay, id -> vertx.executeBlocking(() -> {
                if (clock.millis() >= due) {
                    cache.invalidate();
                }
                reschedule();
                return null;
            }, false));
        }
    }

    /** Milliseconds since the epoch, saturated instead of overflowing for instants far from now. */
    static long epochMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
    }
}
