package dev.crosslink.taxonomy;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TaxonomyApiTest {

    @Test
    void categorySlugIsDerivedFromItsName() {
        String suffix = Api.unique("s");
        editorJson().body(Map.of("name", "CS & Philosophy " + suffix, "description", "Essays"))
                .post("/api/categories").then().statusCode(201)
                .header("Location", endsWith("/api/categories/cs-philosophy-" + suffix))
                .body("slug", equalTo("cs-philosophy-" + suffix))
                .body("name", equalTo("CS & Philosophy " + suffix))
                .body("description", equalTo("Essays"))
                .body("url", equalTo("http://localhost:8080/topics/cs-philosophy-" + suffix))
                .body("postCount", equalTo(0));
        editorJson().body(Map.of("name", "ML & AI " + suffix)).post("/api/tags").then().statusCode(201)
                .body("slug", equalTo("ml-ai-" + suffix)).body("url", equalTo("http://localhost:8080/tags/ml-ai-" + suffix));
    }

    @Test
    void takenDerivedSlugGetsSuffixAndTakenExplicitSlugIs409() {
        String name = Api.unique("Reliability");
        String first = Api.category(name);
        editorJson().body(Map.of("name", name)).post("/api/categories").then().statusCode(201).body("slug", equalTo(first + "-2"));
        editorJson().body(Map.of("name", "Other", "slug", first)).post("/api/categories").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void categoryInUseCannotBeDeleted() {
        String category = Api.category(Api.unique("Busy"));
        String post = Api.publishedPost(Api.unique("Filed"), "x", Map.of("category", category));
        editor().delete("/api/categories/" + category).then().statusCode(409).contentType("application/problem+json");
        anonymous().get("/api/categories/" + category).then().statusCode(200);
        editor().delete("/api/posts/" + post).then().statusCode(204);
        editor().delete("/api/categories/" + category).then().statusCode(204);
        anonymous().get("/api/categories/" + category).then().statusCode(404);
    }

    @Test
    void deletingATagUnlinksItFromPosts() {
        String tag = Api.unique("doomed");
        String keep = Api.unique("kept");
        String post = Api.publishedPost(Api.unique("Tagged"), "x", Map.of("tags", List.of(keep, tag)));
        editor().delete("/api/tags/" + tag).then().statusCode(204);
        anonymous().get("/api/posts/" + post).then().statusCode(200)
                .body("tags.slug", equalTo(List.of(keep))).body("version", equalTo(1));
        anonymous().get("/api/tags/" + tag).then().statusCode(404);
    }

    @Test
    void renameShowsInPostsAndPatchWorks() {
        String category = Api.category(Api.unique("Old Name"));
        String post = Api.publishedPost(Api.unique("Renamed cat"), "x", Map.of("category", category));
        editor().contentType("application/merge-patch+json").body(Map.of("name", "New Name"))
                .patch("/api/categories/" + category).then().statusCode(200)
                .body("name", equalTo("New Name")).body("slug", equalTo(category));
        anonymous().get("/api/posts/" + post).then().body("category.name", equalTo("New Name"));
    }

    @Test
    void listIsPagedAndValidated() {
        Api.category(Api.unique("Paged"));
        anonymous().get("/api/categories?size=1").then().statusCode(200)
                .body("size", equalTo(1)).body("items.size()", equalTo(1))
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
        editorJson().body(Map.of("name", "")).post("/api/tags").then().statusCode(400).body("errors[0].field", equalTo("name"));
        editorJson().body(Map.of("name", "ok", "slug", "Bad Slug")).post("/api/tags").then().statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        anonymous().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/tags").then().statusCode(401);
    }

    @Test
    void tagsNamedByNameReuseTheExistingTag() {
        String name = Api.unique("Consensus Protocols");
        String slug = editorJson().body(Map.of("name", name)).post("/api/tags").then().statusCode(201).extract().path("slug");
        String post = Api.publishedPost(Api.unique("Uses name"), "x", Map.of("tags", List.of(name.toUpperCase())));
        anonymous().get("/api/posts/" + post).then().body("tags.slug", equalTo(List.of(slug)));
        anonymous().get("/api/tags?size=100").then().body("items.slug", not(hasItem(slug + "-2")));
    }
}
