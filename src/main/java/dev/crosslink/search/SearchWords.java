package dev.crosslink.search;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The matching rules of {@code ?q=} (docs/api.md), in one place for the index and the query: a
 * word is a run of letters and digits; case and accents are folded ("Émile" is "emile"); there is
 * no stemming, so "deadlines" does not find "deadline". The same rules on H2 and PostgreSQL.
 */
public final class SearchWords {

    /** Longer words are cut here, in the index and in queries alike, so they still match. */
    public static final int MAX_WORD = 64;
    /** A query's words beyond this many are ignored: each one is an index probe. */
    public static final int MAX_QUERY_WORDS = 10;

    /** How much one occurrence counts for relevance, by where it is. */
    static final int TITLE = 10;
    static final int EXCERPT = 3;
    static final int BODY = 1;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    /** Each distinct word of a post, with its weight: occurrences counted by where they are. */
    public static Map<String, Integer> weigh(String title, String excerpt, String body) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        add(weights, title, TITLE);
        add(weights, excerpt, EXCERPT);
        add(weights, body, BODY);
        return weights;
    }

    /** The distinct words of a query, in order, at most {@link #MAX_QUERY_WORDS}. */
    public static List<String> ofQuery(String q) {
        Set<String> words = new LinkedHashSet<>(words(q));
        return words.stream().limit(MAX_QUERY_WORDS).toList();
    }

    static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return SEPARATORS.splitAsStream(folded).filter(w -> !w.isEmpty())
                .map(w -> w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w).toList();
    }

    private static void add(Map<String, Integer> weights, String text, int weight) {
        for (String word : words(text)) {
            weights.merge(word, weight, Integer::sum);
        }
    }
}
