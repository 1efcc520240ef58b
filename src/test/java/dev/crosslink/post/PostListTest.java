package dev.crosslink.post;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Lists: paging, Link headers, filters and sorting, on a set of posts made for this class. */
@QuarkusTest
class PostListTest {

    private static String marker;
    private static String category;
    private static String tagA;
    private static String tagB;

    @BeforeEach
    synchronized void posts() {
        if (marker != null) {
            return;
        }
        String marker = Api.unique("zebra");
        category = Api.category(Api.unique("Lists"));
        tagA = Api.unique("tag-a");
        tagB = Api.unique("tag-b");
        // Five public posts, dated a day apart, plus one draft, all containing the marker.
        for (int i = 1; i <= 5; i++) {
            Api.publishedPost("List " + i + " " + marker, "Body of post " + i + " mentions " + marker.toUpperCase(),
                    Map.of("publishedAt", "2024-01-0" + i + "T10:00:00Z",
                            "category", i <= 2 ? category : "",
                            "tags", i == 1 ? List.of(tagA, tagB) : i == 2 ? List.of(tagA) : List.of()));
        }
        Api.editorJson().body(Map.of("title", "Draft " + marker, "markdown", marker, "category", category))
                .post("/api/posts").then().statusCode(201);
        PostListTest.marker = marker;
    }

    /** Every sort order, paged two by two, gives exactly one long page: ties (same instant) included. */
    @Test
    void pagesWalkEachOrderWithoutGapsOrRepeats() {
        String own = Api.category(Api.unique("Paging"));
        for (int i = 0; i < 7; i++) {
            Api.publishedPost((i % 2 == 0 ? "Same title" : "Title " + i), "paging",
                    Map.of("category", own, "publishedAt", "2024-02-0" + (1 + i / 3) + "T10:00:00Z"));
        }
        for (String sort : List.of("-publishedAt", "publishedAt", "title", "-title", "updatedAt", "-updatedAt")) {
            List<String> all = anonymous().get("/api/posts?size=100&category=" + own + "&sort=" + sort)
                    .then().statusCode(200).extract().jsonPath().getList("items.slug");
            List<String> paged = new java.util.ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                paged.addAll(editor().get("/api/posts?size=2&page=" + page + "&category=" + own + "&sort=" + sort)
                        .then().statusCode(200).extract().jsonPath().getList("items.slug"));
            }
            org.assertj.core.api.Assertions.assertThat(paged).as(sort).hasSize(7).isEqualTo(all);
        }
    }

    @Test
    void pagesHaveTheEnvelopeAndLinkHeader() {
        var response = anonymous().get("/api/posts?size=2&page=2&q=" + marker).then().statusCode(200)
                .body("page", equalTo(2)).body("size", equalTo(2))
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3))
                .body("items.title", equalTo(List.of("List 3 " + marker, "List 2 " + marker)))
                .extract();
        String link = response.header("Link");
        org.assertj.core.api.Assertions.assertThat(link)
                .contains("page=3>; rel=\"next\"").contains("page=1>; rel=\"prev\"")
                .contains("page=1>; rel=\"first\"").contains("page=3>; rel=\"last\"")
                .contains("q=" + marker).contains("size=2");
        String lastPageLink = anonymous().get("/api/posts?size=2&page=3&q=" + marker).then()
                .body("items.size()", equalTo(1)).extract().header("Link");
        org.assertj.core.api.Assertions.assertThat(lastPageLink).doesNotContain("rel=\"next\"");
    }

    @Test
    void defaultSortIsNewestFirstAndOthersWork() {
        anonymous().get("/api/posts?q=" + marker).then()
                .body("items.title[0]", equalTo("List 5 " + marker));
        anonymous().get("/api/posts?sort=publishedAt&q=" + marker).then()
                .body("items.title[0]", equalTo("List 1 " + marker));
        anonymous().get("/api/posts?sort=-title&q=" + marker).then()
                .body("items.title[0]", equalTo("List 5 " + marker));
        anonymous().get("/api/posts?sort=title&q=" + marker).then()
                .body("items.title[0]", equalTo("List 1 " + marker));
    }

    @Test
    void filtersByCategoryAndAllTags() {
        anonymous().get("/api/posts?category=" + category).then().body("totalItems", equalTo(2));
        anonymous().get("/api/posts?tag=" + tagA).then().body("totalItems", equalTo(2));
        anonymous().get("/api/posts?tag=" + tagA + "&tag=" + tagB).then().body("totalItems", equalTo(1))
                .body("items[0].title", equalTo("List 1 " + marker));
        anonymous().get("/api/posts?category=no-such-category").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void textSearchIsCaseInsensitiveAcrossTitleAndBody() {
        anonymous().get("/api/posts?q=" + marker.toUpperCase()).then().body("totalItems", equalTo(5));
        anonymous().get("/api/posts?q=Body of post 3 mentions").then().body("totalItems", greaterThan(0));
        anonymous().get("/api/posts?q=%25").then().statusCode(200); // a literal %, not a wildcard error
    }

    @Test
    void editorsSeeDraftsAndCanFilterByStatus() {
        editor().get("/api/posts?q=" + marker).then().body("totalItems", equalTo(6));
        editor().get("/api/posts?status=draft&q=" + marker).then().body("totalItems", equalTo(1));
        editor().get("/api/posts?status=published&q=" + marker).then().body("totalItems", equalTo(5));
        anonymous().get("/api/posts?status=draft").then().statusCode(401);
        anonymous().get("/api/posts?status=published&q=" + marker).then().statusCode(200).body("totalItems", equalTo(5));
    }

    @Test
    void categoryPostCountCountsOnlyPublicPosts() {
        anonymous().get("/api/categories/" + category).then().body("postCount", equalTo(2));
        anonymous().get("/api/tags/" + tagA).then().body("postCount", equalTo(2));
    }

    private static org.hamcrest.Matcher<Integer> greaterThan(int n) {
        return org.hamcrest.Matchers.greaterThan(n);
    }
}
