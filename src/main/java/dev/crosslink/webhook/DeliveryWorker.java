package dev.crosslink.webhook;

import dev.crosslink.database.Transactions;
import dev.crosslink.web.CmsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the outbox holds, on every node: each poll claims due deliveries with a lease
 * ({@link Deliveries#claim}), sends them through Vert.x's HTTP client to the address
 * {@link TargetPolicy} checked, and records each attempt. A failure (no answer, a timeout,
 * anything but 2xx) is tried again after an exponential backoff with jitter, until
 * {@code cms.webhooks.retry-for} (a day) has passed since the event; a 410 disables the webhook.
 * A node that dies holding a lease only delays those deliveries until the lease expires: another
 * node (or this one, restarted) then sends them.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final String WAKE = "crosslink.webhooks.wake";
    private static final int BATCH = 20;
    private static final long WAKE_DELAY_MS = 100;

    private final Deliveries deliveries;
    private final TransactionSynchronizationRegistry registry;
    private final Vertx vertx;
    private final Clock clock;
    private final TargetPolicy policy;
    private final Duration timeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration retryFor;
    private final Duration pollInterval;
    private final String node = UUID.randomUUID().toString();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private HttpClient client;

    public DeliveryWorker(Deliveries deliveries, TransactionSynchronizationRegistry registry, Vertx vertx, Clock clock,
                          CmsConfig config) {
        this.deliveries = deliveries;
        this.registry = registry;
        this.vertx = vertx;
        this.clock = clock;
        CmsConfig.Webhooks webhooks = config.webhooks();
        this.policy = new TargetPolicy(webhooks.allowPrivate());
        this.timeout = webhooks.timeout();
        this.initialBackoff = webhooks.initialBackoff();
        this.maxBackoff = webhooks.maxBackoff();
        this.retryFor = webhooks.retryFor();
        this.pollInterval = webhooks.pollInterval();
    }

    void start(@Observes StartupEvent event) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout((int) timeout.toSeconds() + 1)
                .setForceSni(true)
                .setMaxPoolSize(BATCH));
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "crosslink-webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * Polls shortly, off the caller's thread. The short delay gathers the deliveries of a burst of
     * writes into one claim and one record transaction instead of two commits per write, commits
     * that would otherwise compete with the writes themselves for the database (docs/benchmarks.md).
     */
    void wake() {
        if (executor != null && !executor.isShutdown() && wakeScheduled.compareAndSet(false, true)) {
            executor.schedule(() -> {
                wakeScheduled.set(false);
                pollSafely();
            }, WAKE_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Polls once the current transaction has committed what it enqueued. */
    void wakeAfterCommit() {
        if (registry.getResource(WAKE) != null) {
            return;
        }
        registry.putResource(WAKE, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    private void pollSafely() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            while (poll() > 0) {
                // something was due: more may be, now or soon (a retry), without waiting for the next poll
            }
        } catch (RuntimeException e) {
            if (Transactions.unavailable(e)) {
                LOG.debugf("webhook worker: the database is unavailable (%s)", e.getMessage());
            } else {
                LOG.warn("webhook worker: a poll failed", e);
            }
        } finally {
            polling.set(false);
        }
    }

    /** A delivery this node holds the lease on, with what sending it needs; a hub ping has no webhook and no secret. */
    record Claimed(UUID id, String messageId, String payload, String url, String secret, UUID webhookId) {
        boolean hubPing() {
            return webhookId == null;
        }
    }

    /** What one attempt got back. */
    record Outcome(Integer code, String error, int durationMs) {
        boolean delivered() {
            return code != null && code >= 200 && code < 300;
        }
    }

    int poll() {
        Instant now = now();
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<Claimed> mine = new ArrayList<>();
            // longer than an attempt can take (the timeout, the wait for it, the recording), with room to spare
            Instant until = now.plus(timeout.multipliedBy(2)).plusSeconds(5);
            for (UUID id : deliveries.due(now, BATCH)) {
                if (deliveries.claim(id, node, now, until)) {
                    Delivery d = deliveries.find(id);
                    Webhook w = d.webhookId() == null ? null : deliveries.webhook(d.webhookId());
                    mine.add(w == null ? new Claimed(d.id(), d.messageId(), d.payload(), d.targetUrl(), null, null)
                            : new Claimed(d.id(), d.messageId(), d.payload(), w.url(), w.secret(), w.id()));
                }
            }
            return mine;
        });
        List<CompletableFuture<Outcome>> sent = claimed.stream().map(this::send).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<Outcome> future : sent) {
            try {
                outcomes.add(future.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                outcomes.add(new Outcome(null, "no answer within " + timeout.toSeconds() + " s", (int) timeout.toMillis()));
            }
        }
        // one commit for the batch's attempts: a commit is a disk sync, and twenty of them cost more than the sending
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < claimed.size(); i++) {
                record(claimed.get(i), outcomes.get(i));
            }
        });
        return claimed.size();
    }

    private CompletableFuture<Outcome> send(Claimed delivery) {
        long started = System.nanoTime();
        TargetPolicy.Target target;
        try {
            target = policy.resolve(delivery.url()); // now, not at registration: the name may point elsewhere today
        } catch (TargetPolicy.RefusedTarget e) {
            return CompletableFuture.completedFuture(new Outcome(null, "the target " + e.getMessage(), 0));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(delivery.url())
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("user-agent", "Crosslink-Webhooks/1");
        if (delivery.hubPing()) {
            options.putHeader("content-type", "application/x-www-form-urlencoded");
        } else {
            long timestamp = clock.instant().getEpochSecond();
            options.putHeader("content-type", "application/json")
                    .putHeader("webhook-id", delivery.messageId())
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp,
                            delivery.payload()));
        }
        return client.request(options)
                .compose(request -> request.send(Buffer.buffer(delivery.payload())))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .map(code -> new Outcome(code, null, elapsed(started)))
                .otherwise(failure -> new Outcome(null, failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                        elapsed(started)))
                .toCompletionStage().toCompletableFuture();
    }

    /** The attempt, and the delivery's next state; only while this node still holds the lease. */
    private void record(Claimed claimed, Outcome outcome) {
        Delivery delivery = deliveries.find(claimed.id());
        if (delivery == null || !node.equals(delivery.lockedBy())) {
            return; // deleted meanwhile, or the lease ran out and another node took it over
        }
        Instant now = now();
        Delivery.Status status;
        Instant next = null;
        if (outcome.delivered()) {
            status = Delivery.Status.delivered;
        } else if (outcome.code() != null && outcome.code() == 410) {
            status = Delivery.Status.failed;
            if (!claimed.hubPing()) {
                deliveries.webhook(claimed.webhookId()).disable("the receiver answered 410 Gone at " + now, now);
            }
        } else {
            next = now.plus(backoff(delivery.attempts() + 1));
            status = next.isAfter(delivery.createdAt().plus(retryFor)) ? Delivery.Status.failed : Delivery.Status.pending;
        }
        delivery.attempted(status, next);
        deliveries.addAttempt(new Attempt(delivery.id(), now, outcome.code(), outcome.durationMs(), outcome.error(),
                status == Delivery.Status.pending ? next : null));
    }

    /** The gap before try n+1: initial × 2^(n-1), at most max-backoff, with ±20% jitter so retries spread out. */
    Duration backoff(int attempts) {
        double base = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * Math.pow(2, Math.min(attempts - 1, 30)));
        return Duration.ofMillis((long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private static int elapsed(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
