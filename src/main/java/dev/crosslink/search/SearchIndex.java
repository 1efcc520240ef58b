package dev.crosslink.search;

import dev.crosslink.web.CmsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The text search index: each post's words, kept on write in the writing transaction (like the
 * link table), so a search reads an index instead of every post's body. Queries use it through
 * {@link #plan}, {@link #match} and {@link #probe}, and rank by the weights of {@link PostWord}; the words they look for come from {@link SearchWords#ofQuery}.
 */
@ApplicationScoped
public class SearchIndex {

    /** A search's words, rarest first, and whether even the rarest one is common. */
    public record Search(List<String> words, boolean common) {
    }

    private final EntityManager em;
    /**
     * Past this many posts a word is common (cms.search.common-word-posts): a search then probes
     * each post it considers for the word instead of reading all the word's posts, since in list
     * order a first page is found after a few dozen probes (docs/benchmarks.md).
     */
    private final int common;

    public SearchIndex(EntityManager em, CmsConfig config) {
        this.em = em;
        this.common = config.search().commonWordPosts();
    }

    /**
     * The JPQL condition "post {@code alias} has the word bound to {@code :param}", driven from the
     * word's primary-key range: its cost is the number of posts with that word, not the site size.
     */
    public static String match(String alias, String param) {
        return alias + ".id in (select w.key.postId from PostWord w where w.key.word = :" + param + ")";
    }

    /** The same condition as a probe of one post: a primary-key lookup of (word, post). */
    public static String probe(String alias, String param) {
        return "exists (select 1 from PostWord w where w.key.word = :" + param + " and w.key.postId = " + alias + ".id)";
    }

    /**
     * How a query should look for these words: rarest first, so that the rarest one drives and
     * the others are probed; when all are common, every one is probed (the posts' order drives).
     */
    public Search plan(List<String> words) {
        Map<String, Integer> posts = new HashMap<>();
        for (String word : words) {
            posts.put(word, em.createQuery("select w.key.postId from PostWord w where w.key.word = :w", UUID.class)
                    .setParameter("w", word).setMaxResults(common).getResultList().size());
        }
        List<String> rarestFirst = words.stream().sorted(Comparator.comparing(posts::get)).toList();
        return new Search(rarestFirst, !words.isEmpty() && posts.get(rarestFirst.get(0)) >= common);
    }

    /** Replaces a post's words with those of its current text. */
    public void replace(UUID postId, String title, String excerpt, String body) {
        em.createQuery("delete from PostWord w where w.key.postId = :id").setParameter("id", postId).executeUpdate();
        for (Map.Entry<String, Integer> word : SearchWords.weigh(title, excerpt, body).entrySet()) {
            em.persist(new PostWord(postId, word.getKey(), word.getValue()));
        }
    }
}
