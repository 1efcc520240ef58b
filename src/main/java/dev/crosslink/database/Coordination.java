package dev.crosslink.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The {@code coordination} table (migration V4): rows that every node of a site shares, used as
 * locks and counters inside the caller's transaction.
 */
@ApplicationScoped
public class Coordination {

    public static final String TOKENS = "tokens";
    public static final String CONTENT_GENERATION = "content-generation";

    private final EntityManager em;

    public Coordination(EntityManager em) {
        this.em = em;
    }

    /**
     * Holds the named row's lock until the transaction ends: a second transaction (on this node or
     * another) asking for it waits, then reads what the first one committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String name) {
        em.createNativeQuery("select counter from coordination where name = ?1 for update")
                .setParameter(1, name).getSingleResult();
    }

    /** Adds one to the named counter in this transaction and returns its new value. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long increment(String name) {
        em.createNativeQuery("update coordination set counter = counter + 1 where name = ?1")
                .setParameter(1, name).executeUpdate();
        return read(name);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long read(String name) {
        return ((Number) em.createNativeQuery("select counter from coordination where name = ?1")
                .setParameter(1, name).getSingleResult()).longValue();
    }
}
