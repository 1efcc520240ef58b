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

    /**
     * Tests count a word in 3 or more posts as common (cms.search.common-word-posts), so both
     * ways of looking words up run here: the rarest word driving, and every word probed.
     */
    @Test
    void commonAndRareWordsFindTheSamePostsWhicheverDrives() {
        String common = word();
        String alsoCommon = word();
        String rare = word();
        List<String> slugs = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String markdown = common + (i < 4 ? " " + alsoCommon : "") + (i % 3 == 0 ? " " + rare : "");
            slugs.add(Api.publishedPost("Words " + i, markdown, Map.of("publishedAt", "2023-05-0" + (i + 1) + "T00:00:00Z")));
        }
        List<String> newestFirst = new java.util.ArrayList<>(slugs);
        java.util.Collections.reverse(newestFirst);
        anonymous().get("/api/posts?q=" + common).then().body("totalItems", equalTo(6)).body("items.slug", equalTo(newestFirst));
        anonymous().get("/api/posts?q=" + common + " " + rare).then().body("totalItems", equalTo(2))
                .body("items.slug", equalTo(List.of(slugs.get(3), slugs.get(0))));
        anonymous().get("/api/posts?q=" + rare + " " + common + " " + alsoCommon).then().body("totalItems", equalTo(2))
                .body("items.slug", equalTo(List.of(slugs.get(3), slugs.get(0))));
        String rarer = word();
        Api.publishedPost("Words rarer", common + " " + rarer, Map.of());
        anonymous().get("/api/posts?q=" + rarer + " " + rare).then().body("totalItems", equalTo(0));
        anonymous().get("/api/posts?q=" + alsoCommon + " " + common).then().body("totalItems", equalTo(4))
                .body("items.slug", equalTo(newestFirst.subList(2, 6)));
        // pages of a search where every word is common are the same posts as one long page
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            paged.addAll(anonymous().get("/api/posts?size=2&page=" + page + "&q=" + common + " " + alsoCommon)
                    .then().extract().jsonPath().getList("items.slug"));
        }
        org.assertj.core.api.Assertions.assertThat(paged).isEqualTo(newestFirst.subList(2, 6));
        editor().get("/api/posts?sort=relevance&q=" + common + " " + rare).then().body("items.size()", equalTo(2));
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
