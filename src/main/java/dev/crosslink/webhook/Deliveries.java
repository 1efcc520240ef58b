package dev.crosslink.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The outbox table: what is due, who holds it, and what was tried. */
@ApplicationScoped
class Deliveries {

    private final EntityManager em;

    Deliveries(EntityManager em) {
        this.em = em;
    }

    void add(Delivery delivery) {
        em.persist(delivery);
    }

    Webhook webhook(UUID id) {
        return em.find(Webhook.class, id);
    }

    Delivery find(UUID id) {
        return em.find(Delivery.class, id);
    }

    /**
     * Deliveries due now that no live lease holds, oldest first; those of a disabled webhook wait
     * (a 410 or an admin paused it) and leave once it is enabled again.
     */
    List<UUID> due(Instant now, int limit) {
        return em.createQuery("select d.id from Delivery d where d.status = :pending and d.nextAttemptAt <= :now"
                        + " and (d.lockedUntil is null or d.lockedUntil < :now)"
                        + " and (d.webhookId is null or d.webhookId in (select w.id from Webhook w where w.enabled = true))"
                        + " order by d.nextAttemptAt", UUID.class)
                .setParameter("pending", Delivery.Status.pending).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Takes the lease on one delivery, or learns that another node has it. The condition is checked
     * again under the row's lock, on both databases, so of two nodes racing for a row one updates it
     * and the other finds the lease taken: each attempt is made once across the cluster.
     */
    boolean claim(UUID id, String node, Instant now, Instant until) {
        return em.createQuery("update Delivery d set d.lockedBy = :node, d.lockedUntil = :until where d.id = :id"
                        + " and d.status = :pending and d.nextAttemptAt <= :now"
                        + " and (d.lockedUntil is null or d.lockedUntil < :now)")
                .setParameter("node", node).setParameter("until", until).setParameter("id", id)
                .setParameter("pending", Delivery.Status.pending).setParameter("now", now).executeUpdate() == 1;
    }

    void addAttempt(Attempt attempt) {
        em.persist(attempt);
    }

    /** A scheduled publication not yet due: withdrawn when its post is written again (the write tells anew). */
    void withdrawScheduled(UUID postId, Instant now) {
        em.createQuery("delete from Delivery d where d.postId = :post and d.status = :pending and d.attempts = 0"
                        + " and d.nextAttemptAt > :now")
                .setParameter("post", postId).setParameter("pending", Delivery.Status.pending).setParameter("now", now)
                .executeUpdate();
    }

    List<Delivery> newestFirst(UUID webhookId, int page, int size) {
        return em.createQuery("select d from Delivery d where d.webhookId = :w order by d.createdAt desc, d.id", Delivery.class)
                .setParameter("w", webhookId).setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
    }

    long countOf(UUID webhookId) {
        return em.createQuery("select count(d) from Delivery d where d.webhookId = :w", Long.class)
                .setParameter("w", webhookId).getSingleResult();
    }

    List<Attempt> attemptsOf(UUID deliveryId) {
        return em.createQuery("select a from Attempt a where a.deliveryId = :d order by a.attemptedAt", Attempt.class)
                .setParameter("d", deliveryId).getResultList();
    }
}
