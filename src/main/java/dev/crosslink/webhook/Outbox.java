package dev.crosslink.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crosslink.feed.FeedPaths;
import dev.crosslink.post.PostChanged;
import dev.crosslink.post.PostView;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.SiteUrls;
import dev.crosslink.post.PostStatus;
import dev.crosslink.taxonomy.TermChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the changes the post and taxonomy rooms announce into deliveries, inside the transaction
 * that makes the change: the change and its deliveries commit together or not at all, so a write
 * answered 2xx will be told to every webhook even if the process dies the next instant. A write
 * readers cannot see (a draft saved, a post scheduled) tells nothing; a scheduled post's
 * publication is written now, due at its instant, and withdrawn if the post is written again first.
 */
@ApplicationScoped
class Outbox {

    private final EntityManager em;
    private final Deliveries deliveries;
    private final ObjectMapper mapper;
    private final DeliveryWorker worker;
    private final Clock clock;
    private final SiteUrls urls;
    /** cms.websub.hub, or null: the hub told of every feed a publication changes. */
    private final String hub;

    Outbox(EntityManager em, Deliveries deliveries, ObjectMapper mapper, DeliveryWorker worker, Clock clock, SiteUrls urls,
           CmsConfig config) {
        this.urls = urls;
        this.hub = config.websub().hub().map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
        this.em = em;
        this.deliveries = deliveries;
        this.mapper = mapper;
        this.worker = worker;
        this.clock = clock;
    }

    void post(@Observes PostChanged change) {
        Instant now = now();
        deliveries.withdrawScheduled(change.postId(), now);
        boolean isPublic = change.view() != null && change.view().status() == PostStatus.PUBLISHED;
        if (change.view() == null) {
            if (change.wasPublic()) {
                enqueue(WebhookEvent.POST_DELETED, Map.of("slug", change.slug()), null, now, now);
            }
        } else if (isPublic) {
            enqueue(change.wasPublic() ? WebhookEvent.POST_UPDATED : WebhookEvent.POST_PUBLISHED, change.view(), null, now, now);
        } else if (change.wasPublic()) {
            enqueue(WebhookEvent.POST_UNPUBLISHED, change.view(), null, now, now);
        }
        if (change.atPublication() != null) {
            Instant at = change.atPublication().publishedAt();
            enqueue(WebhookEvent.POST_PUBLISHED, change.atPublication(), change.postId(), at, at);
        }
        if (hub != null) {
            if (change.wasPublic() || isPublic) {
                pingHub(feedsOf(change.before(), change.view()), null, now);
            }
            if (change.atPublication() != null) {
                pingHub(feedsOf(null, change.atPublication()), change.postId(), change.atPublication().publishedAt());
            }
        }
    }

    /** The feeds a post was or is in (a post moved out of a category changes that category's feeds too). */
    private static List<String> feedsOf(PostView before, PostView after) {
        java.util.Set<String> categories = new java.util.TreeSet<>();
        java.util.Set<String> tags = new java.util.TreeSet<>();
        for (PostView view : java.util.Arrays.asList(before, after)) {
            if (view != null) {
                if (view.category() != null) {
                    categories.add(view.category().slug());
                }
                view.tags().forEach(tag -> tags.add(tag.slug()));
            }
        }
        return FeedPaths.of(categories, tags);
    }

    /** One WebSub publish ping per changed feed (hub.mode=publish, hub.url=the feed), through the outbox. */
    private void pingHub(List<String> paths, UUID postId, Instant due) {
        for (String path : paths) {
            String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(urls.base() + path, StandardCharsets.UTF_8);
            deliveries.add(Delivery.hubPing(hub, form, postId, now(), due));
        }
        worker.wakeAfterCommit();
    }

    void term(@Observes TermChanged change) {
        Object data = change.view() != null ? change.view() : Map.of("slug", change.slug());
        enqueue(change.kind().equals("category") ? WebhookEvent.CATEGORY_CHANGED : WebhookEvent.TAG_CHANGED, data, null,
                now(), now());
    }

    void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    /** A ping for one webhook, whatever events it asked for. */
    Delivery ping(Webhook webhook) {
        Instant now = now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhookId", webhook.id());
        Delivery delivery = new Delivery(webhook.id(), WebhookEvent.PING, null, body(WebhookEvent.PING, now, data), now, now);
        deliveries.add(delivery);
        worker.wakeAfterCommit();
        return delivery;
    }

    private void enqueue(WebhookEvent event, Object data, UUID postId, Instant at, Instant due) {
        List<Webhook> webhooks = em.createQuery("select w from Webhook w where w.enabled = true", Webhook.class).getResultList();
        String body = null;
        for (Webhook webhook : webhooks) {
            if (webhook.wants(event)) {
                body = body != null ? body : body(event, at, data);
                deliveries.add(new Delivery(webhook.id(), event, postId, body, now(), due));
            }
        }
        if (body != null) {
            worker.wakeAfterCommit();
        }
    }

    /** The Standard Webhooks payload: {type, timestamp, data}. */
    private String body(WebhookEvent event, Instant at, Object data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", event.wire());
        payload.put("timestamp", at.toString());
        payload.put("data", data);
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
