package dev.crosslink.post;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sort=relevance} against a brute-force model: random posts with three words at random
 * weights (in titles and bodies), drafts, two categories, equal scores and equal publication
 * instants, so that every tie-break decides somewhere. Every query, for anonymous readers and
 * editors, with and without a category, walked page by page, must give the model's order up to
 * the search window (12 in tests), and its count. Tests start the walk at 2 posts per word
 * (cms.search.rank-batch), so it stops on its threshold well before the lists end;
 * {@link RelevanceFallbackTest} runs the same with the walk giving up at once.
 */
@QuarkusTest
class RelevanceModelTest {

    /** What the model knows of a post. */
    record Modelled(UUID id, String slug, boolean draft, boolean inCategory, Instant publishedAt, Map<String, Integer> weights) {
    }

    private static String word() {
        return Api.unique("r").replace("-", "x");
    }

    @Test
    void relevanceOrdersAsTheModelDoesOnEveryPage() {
        Random random = new Random(20261204);
        List<String> words = List.of(word(), word(), word());
        String category = Api.category(Api.unique("Ranked"));
        List<Modelled> posts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Map<String, Integer> weights = new HashMap<>();
            StringBuilder title = new StringBuilder("Ranked " + i);
            StringBuilder body = new StringBuilder("Some filler text.");
            for (String w : words) {
                int inTitle = random.nextInt(4) == 0 ? 1 : 0;
                int inBody = random.nextInt(5); // 0-4 times; a word may be missing altogether
                title.append(inTitle == 1 ? " " + w : "");
                body.append((" " + w).repeat(inBody)).append(" and more filler.");
                if (inTitle + inBody > 0) {
                    weights.put(w, 10 * inTitle + inBody);
                }
            }
            boolean draft = i % 7 == 3;
            boolean inCategory = i % 2 == 0;
            // ten instants for 32 posts: equal scores with equal instants fall to the id
            Instant publishedAt = Instant.parse("2022-03-01T00:00:00Z").plusSeconds(3600L * random.nextInt(10));
            Map<String, Object> request = new HashMap<>(Map.of("title", title.toString(), "markdown", body.toString(),
                    "excerpt", "An excerpt without the words.", "status", draft ? "draft" : "published",
                    "category", inCategory ? category : ""));
            if (!draft) {
                request.put("publishedAt", publishedAt.toString());
            }
            JsonPath created = Api.editorJson().body(request).post("/api/posts").then().statusCode(201).extract().jsonPath();
            posts.add(new Modelled(UUID.fromString(created.getString("id")), created.getString("slug"), draft, inCategory,
                    draft ? null : publishedAt, weights));
        }
        List<List<String>> queries = List.of(List.of(words.get(0)), List.of(words.get(1), words.get(0)),
                List.of(words.get(0), words.get(1), words.get(2)), List.of(words.get(2), words.get(1)));
        int compared = 0;
        for (List<String> query : queries) {
            for (boolean asEditor : new boolean[] {false, true}) {
                for (boolean filtered : new boolean[] {false, true}) {
                    List<String> expected = model(posts, query, asEditor, filtered);
                    String path = "/api/posts?sort=relevance&q=" + String.join("+", query)
                            + (filtered ? "&category=" + category : "");
                    Supplier<RequestSpecification> caller = asEditor ? Api::editor : Api::anonymous;
                    String what = path + (asEditor ? " (editor)" : " (anonymous)");
                    JsonPath whole = caller.get().get(path + "&size=100").then().statusCode(200).extract().jsonPath();
                    int reachable = Math.min(expected.size(), 12);
                    assertThat(whole.getList("items.slug", String.class)).as(what).isEqualTo(expected.subList(0, reachable));
                    assertThat(whole.getInt("totalItems")).as(what).isEqualTo(reachable);
                    assertThat(whole.getBoolean("totalItemsExact")).as(what).isEqualTo(expected.size() <= 12);
                    List<String> paged = new ArrayList<>();
                    for (int page = 1; page <= 5; page++) {
                        paged.addAll(caller.get().get(path + "&size=3&page=" + page).then().statusCode(200)
                                .extract().jsonPath().getList("items.slug", String.class));
                    }
                    assertThat(paged).as(what + " in pages of 3").isEqualTo(expected.subList(0, reachable));
                    compared += reachable;
                }
            }
        }
        assertThat(compared).as("the queries must find something to order").isGreaterThan(60);
    }

    /** Every visible post with all the words, by score, then newest, then id, both descending (ids as unsigned numbers). */
    static List<String> model(List<Modelled> posts, List<String> query, boolean asEditor, boolean filtered) {
        Comparator<Modelled> order = Comparator.<Modelled>comparingInt(p -> score(p, query)).reversed()
                .thenComparing(Modelled::publishedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                .thenComparing(Modelled::id, (a, b) -> unsigned(b, a));
        return posts.stream()
                .filter(p -> asEditor || !p.draft())
                .filter(p -> !filtered || p.inCategory())
                .filter(p -> query.stream().allMatch(p.weights()::containsKey))
                .sorted(order).map(Modelled::slug).toList();
    }

    private static int score(Modelled post, List<String> query) {
        return query.stream().mapToInt(w -> post.weights().getOrDefault(w, 0)).sum();
    }

    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** A search's count ends at the window, and so do its pages, in every order; lists without q count exactly. */
    @Test
    void aSearchCountsUpToItsWindowAndItsPagesEndThere() {
        String w = word();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            slugs.add(Api.publishedPost("Windowed " + i, "the word " + w, Map.of("publishedAt", "2021-06-" + (10 + i) + "T00:00:00Z")));
        }
        var capped = anonymous().get("/api/posts?size=5&q=" + w).then().statusCode(200)
                .extract();
        assertThat(capped.jsonPath().getInt("totalItems")).isEqualTo(12);
        assertThat(capped.jsonPath().getBoolean("totalItemsExact")).isFalse();
        assertThat(capped.jsonPath().getInt("totalPages")).isEqualTo(3);
        assertThat(capped.header("Link")).contains("page=3>; rel=\"last\"");
        List<String> newestFirst = new ArrayList<>(slugs);
        java.util.Collections.reverse(newestFirst);
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            paged.addAll(anonymous().get("/api/posts?size=5&page=" + page + "&q=" + w).then().statusCode(200)
                    .extract().jsonPath().getList("items.slug", String.class));
        }
        assertThat(paged).isEqualTo(newestFirst.subList(0, 12));
        // oldest first, the window holds the 12 oldest: a capped search is never read from its end
        assertThat(anonymous().get("/api/posts?size=5&page=3&sort=publishedAt&q=" + w).then().extract().jsonPath()
                .getList("items.slug", String.class)).isEqualTo(slugs.subList(10, 12));
        editor().delete("/api/posts/" + slugs.get(0)).then().statusCode(204);
        anonymous().get("/api/posts?size=5&q=" + w).then()
                .body("totalItems", org.hamcrest.Matchers.equalTo(12)).body("totalItemsExact", org.hamcrest.Matchers.equalTo(true));
        anonymous().get("/api/posts?size=5&page=3&sort=publishedAt&q=" + w).then()
                .body("items.slug", org.hamcrest.Matchers.equalTo(slugs.subList(11, 13)));
        anonymous().get("/api/posts?size=1").then().body("totalItemsExact", org.hamcrest.Matchers.equalTo(true))
                .body("totalItems", org.hamcrest.Matchers.greaterThan(12));
    }
}
