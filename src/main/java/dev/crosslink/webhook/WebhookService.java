package dev.crosslink.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.MergePatch;
import dev.crosslink.web.Page;
import dev.crosslink.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Registering, changing and reading webhooks and their deliveries (CONTRACT section 11). */
@ApplicationScoped
public class WebhookService {

    private final EntityManager em;
    private final Deliveries deliveries;
    private final Outbox outbox;
    private final MergePatch mergePatch;
    private final ObjectMapper mapper;
    private final TargetPolicy policy;
    private final Clock clock;

    WebhookService(EntityManager em, Deliveries deliveries, Outbox outbox, MergePatch mergePatch, ObjectMapper mapper,
                   CmsConfig config, Clock clock) {
        this.em = em;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.mergePatch = mergePatch;
        this.mapper = mapper;
        this.policy = new TargetPolicy(config.webhooks().allowPrivate());
        this.clock = clock;
    }

    /** A new webhook, with its secret: the only answer that shows it. */
    @Transactional
    public WebhookView create(WebhookInput input) {
        checkTarget(input.url());
        Webhook webhook = new Webhook(input.url().strip(), blankToNull(input.description()), input.events(),
                WebhookSignature.newSecret(), now());
        if (Boolean.FALSE.equals(input.enabled())) {
            webhook.change(webhook.url(), webhook.description(), input.events(), false, now());
        }
        em.persist(webhook);
        return WebhookView.of(webhook, true);
    }

    @Transactional
    public Page<WebhookView> list(int page, int size) {
        List<WebhookView> items = em.createQuery("select w from Webhook w order by w.createdAt, w.id", Webhook.class)
                .setFirstResult((page - 1) * size).setMaxResults(size).getResultList().stream()
                .map(w -> WebhookView.of(w, false)).toList();
        long total = em.createQuery("select count(w) from Webhook w", Long.class).getSingleResult();
        return Page.of(items, page, size, total);
    }

    @Transactional
    public WebhookView get(UUID id) {
        return WebhookView.of(find(id), false);
    }

    @Transactional
    public WebhookView patch(UUID id, JsonNode patch) {
        Webhook webhook = find(id);
        WebhookInput current = new WebhookInput(webhook.url(), webhook.events(), webhook.description(), webhook.enabled());
        WebhookInput changed = mergePatch.apply(current, patch, WebhookInput.class);
        if (!changed.url().equals(webhook.url())) {
            checkTarget(changed.url());
        }
        webhook.change(changed.url().strip(), blankToNull(changed.description()), changed.events(),
                changed.enabled() == null || changed.enabled(), now());
        return WebhookView.of(webhook, false);
    }

    @Transactional
    public void delete(UUID id) {
        em.remove(find(id));
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID id, int page, int size) {
        find(id);
        List<DeliveryView> items = deliveries.newestFirst(id, page, size).stream().map(this::view).toList();
        return Page.of(items, page, size, deliveries.countOf(id));
    }

    /** Sends one delivery again, under its own message id. */
    @Transactional
    public DeliveryView redeliver(UUID id, UUID deliveryId) {
        Delivery delivery = deliveries.find(deliveryId);
        if (delivery == null || !delivery.webhookId().equals(find(id).id())) {
            throw new ProblemException(404, "The webhook " + id + " has no delivery " + deliveryId);
        }
        delivery.redeliver(now());
        outbox.wakeAfterCommit();
        return view(delivery);
    }

    @Transactional
    public DeliveryView ping(UUID id) {
        return view(outbox.ping(find(id)));
    }

    private DeliveryView view(Delivery delivery) {
        List<DeliveryView.AttemptView> attempts = deliveries.attemptsOf(delivery.id()).stream()
                .map(a -> new DeliveryView.AttemptView(a.attemptedAt(), a.responseCode(), a.durationMs(), a.error(),
                        a.nextAttemptAt())).toList();
        try {
            return new DeliveryView(delivery.id(), delivery.messageId(), WebhookEvent.fromWire(delivery.eventType()),
                    delivery.status().name(), delivery.createdAt(), delivery.nextAttemptAt(),
                    mapper.readTree(delivery.payload()), attempts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
    }

    private Webhook find(UUID id) {
        Webhook webhook = em.find(Webhook.class, id);
        if (webhook == null) {
            throw new ProblemException(404, "No webhook with id '" + id + "'");
        }
        return webhook;
    }

    /** The target as registration can check it: its form, and where its name points today. */
    private void checkTarget(String url) {
        try {
            policy.resolve(url);
        } catch (TargetPolicy.RefusedTarget e) {
            throw ProblemException.field("url", e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
