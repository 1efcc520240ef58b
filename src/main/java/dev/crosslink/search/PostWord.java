package dev.crosslink.search;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** One word of one post in the search index, with how much it weighs there (SearchWords). */
@Entity
@Table(name = "post_word")
public class PostWord {

    @Embeddable
    public record Key(@Column(name = "word", length = SearchWords.MAX_WORD) String word,
                      @Column(name = "post_id") UUID postId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "weight", nullable = false)
    private int weight;

    protected PostWord() {
    }

    PostWord(UUID postId, String word, int weight) {
        this.key = new Key(word, postId);
        this.weight = weight;
    }
}
