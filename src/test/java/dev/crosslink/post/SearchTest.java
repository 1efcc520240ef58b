package dev.crosslink.post;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

/** ?q= through the API: the matching rules of docs/api.md, relevance, and the index kept on write. */
@QuarkusTest
class SearchTest {

    @Inject
    EntityManager em;
    @Inject
    SearchBackfill backfill;

    /** A word no other test uses, so counts are exact. */
    private static String word() {
        return Api.unique("w").replace("-", "x");
    }

    @Test
    void everyWordMustMatchWithCaseAndAccentsFolded() {
        String w = word();
        Api.publishedPost("Émile's café " + w, "Notes on naïve consensus.", Map.of());
        Api.publishedPost("Other " + w, "Nothing about the first one.", Map.of());
        anonymous().get("/api/posts?q=EMILE " + w).then().statusCode(200).body("totalItems", equalTo(1));
        anonymous().get("/api/posts?q=cafe naive " + w).then().body("totalItems", equalTo(1));
        anonymous().get("/api/posts?q=" + w).then().body("totalItems", equalTo(2));
        anonymous().get("/api/posts?q=" + w + " missingword").then().body("totalItems", equalTo(0));
        anonymous().get("/api/posts?q=!! ..").then().statusCode(200).body("totalItems", equalTo(0)); // no letter or digit
    }

    @Test
    void anEditFollowsTheIndexAndADeleteLeavesIt() {
        String before = word();
        String after = word();
        String slug = Api.publishedPost("Edited " + before, "body", Map.of());
        anonymous().get("/api/posts?q=" + before).then().body("totalItems", equalTo(1));
        Api.editorJson().contentType("application/merge-patch+json").body(Map.of("markdown", "now about " + after))
                .patch("/api/posts/" + slug).then().statusCode(200);
        anonymous().get("/api/posts?q=" + after).then().body("totalItems", equalTo(1));
        Api.editor().delete("/api/posts/" + slug).then().statusCode(204);
        anonymous().get("/api/posts?q=" + after).then().body("totalItems", equalTo(0));
    }

    @Test
    void relevancePutsTitleMatchesFirst() {
        String w = word();
        Api.publishedPost("Only in the body", "A long text that mentions " + w + " once.",
                Map.of("publishedAt", "2020-01-01T00:00:00Z"));
        Api.publishedPost("About " + w, "And " + w + " again in the body.", Map.of("publishedAt", "2019-01-01T00:00:00Z"));
        anonymous().get("/api/posts?sort=relevance&q=" + w).then().statusCode(200)
                .body("items.title", equalTo(List.of("About " + w, "Only in the body")));
        // the default order is still newest first
        anonymous().get("/api/posts?q=" + w).then().body("items.title[0]", equalTo("Only in the body"));
        anonymous().get("/api/posts?sort=relevance").then().statusCode(400).body("errors[0].field", equalTo("sort"))
                .body("detail", containsString("q"));
    }

    @Test
    void draftsAreFoundByEditorsOnly() {
        String w = word();
        Api.editorJson().body(Map.of("title", "Draft " + w, "markdown", "x")).post("/api/posts").then().statusCode(201);
        anonymous().get("/api/posts?q=" + w).then().body("totalItems", equalTo(0));
        editor().get("/api/posts?q=" + w).then().body("totalItems", equalTo(1));
        // ranked by relevance, the same filters hold
        anonymous().get("/api/posts?sort=relevance&q=" + w).then().body("items.size()", equalTo(0));
        editor().get("/api/posts?sort=relevance&q=" + w + " missingword").then().body("items.size()", equalTo(0));
        editor().get("/api/posts?sort=relevance&q=draft " + w).then().body("items.title", equalTo(List.of("Draft " + w)));
    }

    @Test
    void postsWrittenBeforeTheIndexAreBackfilled() {
        String w = word();
        String slug = Api.publishedPost("Old post " + w, "written before the index", Map.of());
        forgetWords(slug);
        anonymous().get("/api/posts?q=" + w).then().body("totalItems", equalTo(0));
        org.assertj.core.api.Assertions.assertThat(backfill.run()).isGreaterThanOrEqualTo(1);
        anonymous().get("/api/posts?q=" + w).then().body("totalItems", equalTo(1));
    }

    @Transactional
    void forgetWords(String slug) {
        em.createNativeQuery("delete from post_word where post_id = (select id from post where slug = ?1)")
                .setParameter(1, slug).executeUpdate();
    }
}
