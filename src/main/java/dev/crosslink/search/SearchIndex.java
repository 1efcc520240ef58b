package dev.crosslink.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Map;
import java.util.UUID;

/**
 * The text search index: each post's words, kept on write in the writing transaction (like the
 * link table), so a search reads an index instead of every post's body. Queries use it through
 * {@link #match}, and rank by the weights of {@link PostWord}; the words they look for come from {@link SearchWords#ofQuery}.
 */
@ApplicationScoped
public class SearchIndex {

    /**
     * The JPQL condition "post {@code alias} has the word bound to {@code :param}". Driven from the
     * word's primary-key range, so its cost is the number of posts with that word, not the site size.
     */
    public static String match(String alias, String param) {
        return alias + ".id in (select w.key.postId from PostWord w where w.key.word = :" + param + ")";
    }

    private final EntityManager em;

    public SearchIndex(EntityManager em) {
        this.em = em;
    }

    /** Replaces a post's words with those of its current text. */
    public void replace(UUID postId, String title, String excerpt, String body) {
        em.createQuery("delete from PostWord w where w.key.postId = :id").setParameter("id", postId).executeUpdate();
        for (Map.Entry<String, Integer> word : SearchWords.weigh(title, excerpt, body).entrySet()) {
            em.persist(new PostWord(postId, word.getKey(), word.getValue()));
        }
    }
}
