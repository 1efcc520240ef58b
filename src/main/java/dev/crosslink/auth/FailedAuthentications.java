package dev.crosslink.auth;

import dev.crosslink.web.CmsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes token guessing expensive (CONTRACT section 4): a client that sends more than
 * {@code cms.auth.failures.limit} bad tokens within {@code cms.auth.failures.window} gets 429 with
 * {@code Retry-After} for {@code cms.auth.failures.block}, whatever token it sends meanwhile; after
 * that its good token works again. Failures are logged once per client and window, and when a
 * client is blocked, never with the token. Counted per node: behind a load balancer with N nodes,
 * a client gets at most N times the limit (docs/security.md).
 */
@ApplicationScoped
public class FailedAuthentications {

    private static final Logger LOG = Logger.getLogger(FailedAuthentications.class);
    /** Clients tracked at most; past it, entries whose window and block are over are dropped first. */
    static final int MAX_CLIENTS = 10_000;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Duration block;
    private final Map<String, Record> clients = new ConcurrentHashMap<>();

    /** One client's failures in its current window, and until when it is blocked. */
    private record Record(Instant windowStart, int failures, Instant blockedUntil) {
    }

    public FailedAuthentications(Clock clock, CmsConfig config) {
        this.clock = clock;
        this.limit = config.auth().failures().limit();
        this.window = config.auth().failures().window();
        this.block = config.auth().failures().block();
    }

    /** Seconds the client must wait before any token of its is looked at again; empty when it may try. */
    public OptionalLong blockedFor(String client) {
        Record record = clients.get(client);
        Instant now = clock.instant();
        if (record == null || record.blockedUntil() == null || !now.isBefore(record.blockedUntil())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (Duration.between(now, record.blockedUntil()).toMillis() + 999) / 1000));
    }

    /** A bad token from this client; the one that reaches the limit blocks it. */
    public void failed(String client) {
        Instant now = clock.instant();
        if (clients.size() >= MAX_CLIENTS && !clients.containsKey(client)) {
            forgetIdle(now);
        }
        Record record = clients.compute(client, (key, old) -> {
            boolean newWindow = old == null || !now.isBefore(old.windowStart().plus(window));
            int failures = newWindow ? 1 : old.failures() + 1;
            Instant blockedUntil = failures >= limit ? now.plus(block) : old == null ? null : old.blockedUntil();
            return new Record(newWindow ? now : old.windowStart(), failures, blockedUntil);
        });
        if (record.failures() == 1) {
            LOG.infof("A bad bearer token from %s; further failures from it in the next %s are counted, not logged",
                    client, window);
        } else if (record.failures() == limit) {
            LOG.warnf("%s sent %d bad bearer tokens within %s: its requests with a token are refused "
                    + "with 429 for %s", client, limit, window, block);
        }
    }

    private void forgetIdle(Instant now) {
        clients.entrySet().removeIf(e -> !now.isBefore(e.getValue().windowStart().plus(window))
                && (e.getValue().blockedUntil() == null || !now.isBefore(e.getValue().blockedUntil())));
        if (clients.size() >= MAX_CLIENTS) { // a flood of distinct addresses: start over rather than grow
            LOG.warnf("More than %d clients sent bad tokens within %s; forgetting their counts", MAX_CLIENTS, window);
            clients.clear();
        }
    }
}
