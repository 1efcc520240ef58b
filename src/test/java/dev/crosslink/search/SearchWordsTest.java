package dev.crosslink.search;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SearchWordsTest {

    @Test
    void wordsAreLettersAndDigitsWithCaseAndAccentsFolded() {
        assertThat(SearchWords.words("Émile's CAFÉ, naïve-approach: Raft_2024 (v3.1)"))
                .containsExactly("emile", "s", "cafe", "naive", "approach", "raft", "2024", "v3", "1");
        assertThat(SearchWords.words("  %_!! ")).isEmpty();
        assertThat(SearchWords.words("Straße 東京")).containsExactly("straße", "東京");
    }

    @Test
    void weightsCountOccurrencesByWhereTheyAre() {
        Map<String, Integer> weights = SearchWords.weigh("Raft", "raft and paxos", "Raft, raft, **paxos**");
        assertThat(weights.get("raft")).isEqualTo(SearchWords.TITLE + SearchWords.EXCERPT + 2 * SearchWords.BODY);
        assertThat(weights.get("paxos")).isEqualTo(SearchWords.EXCERPT + SearchWords.BODY);
        assertThat(weights).doesNotContainKey("");
    }

    @Test
    void queriesAreDistinctWordsBoundedInNumberAndLength() {
        assertThat(SearchWords.ofQuery("Raft raft RAFT paxos")).containsExactly("raft", "paxos");
        assertThat(SearchWords.ofQuery("a b c d e f g h i j k l")).hasSize(SearchWords.MAX_QUERY_WORDS);
        String long1 = "x".repeat(100);
        assertThat(SearchWords.ofQuery(long1)).containsExactly("x".repeat(SearchWords.MAX_WORD));
        assertThat(SearchWords.weigh(long1, null, null)).containsKey("x".repeat(SearchWords.MAX_WORD));
    }
}
