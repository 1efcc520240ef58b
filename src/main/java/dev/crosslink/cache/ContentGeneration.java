package dev.crosslink.cache;

import dev.crosslink.database.Coordination;
import dev.crosslink.web.ContentChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The site-wide content generation: a counter in the database, bumped once by every transaction
 * that changes public content, when the change is announced (writes announce last, so the row's
 * lock is held only for the end of the transaction). On PostgreSQL the same transaction sends a
 * {@code NOTIFY} carrying the new number (never content), which PostgreSQL delivers to every node's
 * {@link GenerationListener} only if and when the transaction commits.
 *
 * <p>On H2, a single node by nature, none of this runs: the counter's row lock would only make every
 * commit wait for the one before it (measured: docs/benchmarks.md).
 *
 * <p>After the commit, the writing request waits (briefly, bounded) until its own node's listener
 * has heard that notification and every other live node has confirmed it
 * ({@link GenerationListener#awaitHeard}), so by the time the write is acknowledged no node can
 * answer from its old cache.
 */
@ApplicationScoped
public class ContentGeneration {

    static final String CHANNEL = "crosslink_content";
    private static final String BUMPED = "crosslink.generation.bumped";

    /** The generation this thread's transaction is committing, from the announcement to AFTER_SUCCESS. */
    private static final ThreadLocal<Long> COMMITTING = new ThreadLocal<>();

    private final Coordination coordination;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry registry;
    private final GenerationListener listener;
    private final boolean postgres;

    public ContentGeneration(Coordination coordination, EntityManager em, TransactionSynchronizationRegistry registry,
                             GenerationListener listener,
                             @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.coordination = coordination;
        this.em = em;
        this.registry = registry;
        this.listener = listener;
        this.postgres = dbKind.startsWith("postgres");
    }

    void bump(@Observes(during = TransactionPhase.IN_PROGRESS) ContentChanged change) {
        if (!postgres || registry.getResource(BUMPED) != null || registry.getRollbackOnly()) {
            return; // H2 is one node: its in-process invalidation is all there is. Else once per transaction.
        }
        long generation = coordination.increment(Coordination.CONTENT_GENERATION);
        registry.putResource(BUMPED, generation);
        COMMITTING.set(generation);
        if (postgres) {
            em.createNativeQuery("select pg_notify(?1, ?2)")
                    .setParameter(1, CHANNEL).setParameter(2, Long.toString(generation)).getSingleResult();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        Long generation = COMMITTING.get();
        COMMITTING.remove();
        if (postgres && generation != null) {
            listener.awaitHeard(generation);
        }
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) ContentChanged change) {
        COMMITTING.remove();
    }
}
