package dev.crosslink.search;

import dev.crosslink.database.InList;
import dev.crosslink.web.CmsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The text search index: each post's words, kept on write in the writing transaction (like the
 * link table), so a search reads an index instead of every post's body. Queries use it through
 * {@link #plan}, {@link #match} and {@link #probe}, and rank by the weights of {@link PostWord}; the words they look for come from {@link SearchWords#ofQuery}.
 */
@ApplicationScoped
public class SearchIndex {

    /**
     * A search's words, rarest first, whether even the rarest one is common, and how many of its
     * matches can be reached (cms.search.max-results): counts stop there, and so do pages.
     */
    public record Search(List<String> words, boolean common, int maxResults) {
    }

    /**
     * The list's conditions other than the words (the public rule, category, tags, status), as the
     * post room applies them: of these candidates, the ones that pass, each with its publication
     * instant (null for none), which breaks ties in relevance. Called with one {@link InList} chunk at a time.
     */
    @FunctionalInterface
    public interface Admission {
        Map<UUID, Instant> admit(Collection<UUID> candidates);
    }

    private final EntityManager em;
    /**
     * Past this many posts a word is common (cms.search.common-word-posts): a search then probes
     * each post it considers for the word instead of reading all the word's posts, since in list
     * order a first page is found after a few dozen probes (docs/benchmarks.md).
     */
    private final int common;
    private final int maxResults;
    private final int rankBatch;
    /**
     * Past this many candidates a ranking stops walking the lists and lets the caller rank every
     * match in one grouped query: many equal scores at the threshold (a word once in every post)
     * or a narrow filter would otherwise make the walk read everything in small steps.
     */
    private final int rankCandidates;

    public SearchIndex(EntityManager em, CmsConfig config) {
        this.em = em;
        this.common = config.search().commonWordPosts();
        this.maxResults = config.search().maxResults();
        this.rankBatch = config.search().rankBatch();
        this.rankCandidates = config.search().rankCandidates();
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
        return new Search(rarestFirst, !words.isEmpty() && posts.get(rarestFirst.get(0)) >= common, maxResults);
    }

    /**
     * The first {@code k} posts by relevance among those with every word that {@code admission}
     * lets through: score (the sum of their words' weights) descending, then publication instant
     * descending (none last), then id descending. Empty when the walk gave up (cms.search.rank-candidates):
     * the caller then ranks every match itself, with the same order.
     *
     * <p>Fagin's threshold algorithm: each word's posts are read from the index heaviest first
     * (ix_post_word_weight, V13), a batch at a time; every post met is scored from all its words
     * at once. A post not met yet weighs at most the last weight read in each list, so once the
     * k-th best scores above the sum of those, no unread post can reach the first k. When one
     * word's list is read to its end, every post with all the words has been met. The cost is the
     * depth the lists are read to, not the number of matches: for words in nearly every post the
     * heaviest few hundred decide.
     */
    public Optional<List<UUID>> topByRelevance(Search search, int k, Admission admission) {
        List<String> words = search.words();
        int n = words.size();
        int[] lastWeight = new int[n];
        UUID[] lastId = new UUID[n];
        Map<UUID, Scored> scored = new HashMap<>();
        Set<UUID> met = new HashSet<>();
        int batch = rankBatch;
        while (true) {
            List<UUID> fresh = new ArrayList<>();
            boolean allMet = false;
            for (int i = 0; i < n; i++) {
                List<Object[]> rows = heaviest(words.get(i), lastId[i] == null ? null : lastWeight[i], lastId[i], batch);
                for (Object[] row : rows) {
                    UUID id = (UUID) row[0];
                    if (met.add(id)) {
                        fresh.add(id);
                    }
                }
                if (!rows.isEmpty()) {
                    Object[] last = rows.get(rows.size() - 1);
                    lastId[i] = (UUID) last[0];
                    lastWeight[i] = (Integer) last[1];
                }
                allMet |= rows.size() < batch;
            }
            score(fresh, words, admission, scored);
            List<Scored> best = scored.values().stream().sorted(Scored.ORDER).limit(k).toList();
            long threshold = 0;
            for (int weight : lastWeight) {
                threshold += weight;
            }
            if (allMet || (best.size() == k && best.get(k - 1).score() > threshold)) {
                return Optional.of(best.stream().map(Scored::id).toList());
            }
            if (met.size() > rankCandidates) {
                return Optional.empty();
            }
            batch = Math.min(batch * 2, 4096);
        }
    }

    /** A candidate with every word, admitted, with what ranks it. */
    private record Scored(UUID id, long score, Instant publishedAt) {
        static final Comparator<Scored> ORDER = Comparator.comparingLong(Scored::score).reversed()
                .thenComparing(Scored::publishedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                .thenComparing(Scored::id, (a, b) -> compareUnsigned(b, a));
    }

    /**
     * One word's posts, heaviest first, ties by id descending, after (weight, id) when given. Two
     * plain ranges of ix_post_word_weight, each read backwards: the rest of the last weight's
     * ties, then the lighter weights. (One OR-ed keyset condition made H2 read and sort all the
     * word's rows on every batch.)
     */
    private List<Object[]> heaviest(String word, Integer afterWeight, UUID afterId, int limit) {
        List<Object[]> rows = new ArrayList<>();
        if (afterId != null) {
            rows.addAll(em.createQuery("select w.key.postId, w.weight from PostWord w where w.key.word = :w"
                            + " and w.weight = :lw and w.key.postId < :lid order by w.weight desc, w.key.postId desc", Object[].class)
                    .setParameter("w", word).setParameter("lw", afterWeight).setParameter("lid", afterId)
                    .setMaxResults(limit).getResultList());
        }
        if (rows.size() < limit) {
            var lighter = em.createQuery("select w.key.postId, w.weight from PostWord w where w.key.word = :w"
                    + (afterId == null ? "" : " and w.weight < :lw") + " order by w.weight desc, w.key.postId desc", Object[].class)
                    .setParameter("w", word);
            if (afterId != null) {
                lighter.setParameter("lw", afterWeight);
            }
            rows.addAll(lighter.setMaxResults(limit - rows.size()).getResultList());
        }
        return rows;
    }

    /** Scores the candidates that have every word and that the admission lets through. */
    private void score(List<UUID> candidates, List<String> words, Admission admission, Map<UUID, Scored> scored) {
        InList.chunks(candidates, chunk -> {
            Map<UUID, Long> complete = new HashMap<>();
            em.createQuery("select w.key.postId, sum(w.weight), count(w) from PostWord w where w.key.postId in :ids"
                            + " and w.key.word in :words group by w.key.postId", Object[].class)
                    .setParameter("ids", chunk).setParameter("words", words).getResultList().stream()
                    .filter(row -> ((Number) row[2]).intValue() == words.size())
                    .forEach(row -> complete.put((UUID) row[0], ((Number) row[1]).longValue()));
            if (!complete.isEmpty()) {
                admission.admit(complete.keySet()).forEach((id, publishedAt) ->
                        scored.put(id, new Scored(id, complete.get(id), publishedAt)));
            }
        });
    }

    /** UUIDs as both databases order them: as unsigned 128-bit numbers (Java's compareTo is signed). */
    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** Replaces a post's words with those of its current text. */
    public void replace(UUID postId, String title, String excerpt, String body) {
        em.createQuery("delete from PostWord w where w.key.postId = :id").setParameter("id", postId).executeUpdate();
        for (Map.Entry<String, Integer> word : SearchWords.weigh(title, excerpt, body).entrySet()) {
            em.persist(new PostWord(postId, word.getKey(), word.getValue()));
        }
    }
}
