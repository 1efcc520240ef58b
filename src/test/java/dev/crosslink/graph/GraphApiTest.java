package dev.crosslink.graph;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class GraphApiTest {

    @Test
    void renameKeepsIncomingLinksResolvedAndRewriteMovesThem() {
        String target = Api.publishedPost(Api.unique("Target"), "I am linked.", Map.of());
        String source = Api.publishedPost(Api.unique("Source"), "See [the target](/blog/" + target + ").", Map.of());
        String renamed = target + "-renamed";
        editor().contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                .patch("/api/posts/" + target).then().statusCode(200);

        anonymous().redirects().follow(false).get("/api/posts/" + target).then().statusCode(301);
        anonymous().get("/api/posts/" + source + "/links").then().statusCode(200)
                .body("[0].href", equalTo("/blog/" + target)).body("[0].broken", equalTo(false))
                .body("[0].target.slug", equalTo(renamed));
        anonymous().get("/api/posts/" + renamed + "/backlinks").then().body("slug", equalTo(List.of(source)))
                .body("[0].text", equalTo("the target"));
        anonymous().get("/api/graph?types=links_to&around=" + source + "&depth=1").then()
                .body("edges", hasItem(Map.of("source", "post:" + source, "target", "post:" + renamed, "type", "links_to")));

        int version = anonymous().get("/api/posts/" + source).then().extract().path("version");
        editor().post("/api/posts/" + renamed + "/rewrite-incoming-links").then().statusCode(200)
                .body("rewritten", equalTo(List.of(source)));
        anonymous().get("/api/posts/" + source).then()
                .body("markdown", equalTo("See [the target](/blog/" + renamed + ")."))
                .body("version", equalTo(version + 1));
        anonymous().get("/api/posts/" + source + "/links").then().body("[0].href", equalTo("/blog/" + renamed));
        anonymous().post("/api/posts/" + renamed + "/rewrite-incoming-links").then().statusCode(401);
    }

    @Test
    void deleteBreaksLinksAndRecreatingResolvesThem() {
        String target = Api.publishedPost(Api.unique("Doomed"), "x", Map.of());
        String source = Api.publishedPost(Api.unique("Linker"), "[gone soon](/blog/" + target + ") and "
                + "[absolute](http://localhost:8080/blog/" + target + "/) and [nonsense](/blog/a/b/c) and "
                + "[out](https://example.com/blog/" + target + ")", Map.of());
        anonymous().get("/api/posts/" + source + "/links").then()
                .body("kind", equalTo(List.of("internal", "internal", "internal", "external")))
                .body("broken", equalTo(List.of(false, false, true, false)));

        editor().delete("/api/posts/" + target).then().statusCode(204);
        anonymous().get("/api/posts/" + source + "/links").then()
                .body("broken", equalTo(List.of(true, true, true, false))).body("[0].target", nullValue());
        editor().get("/api/graph/broken-links").then().statusCode(200)
                .body("find { it.post.slug == '" + source + "' }.links.href",
                        equalTo(List.of("/blog/" + target, "http://localhost:8080/blog/" + target + "/", "/blog/a/b/c")));
        anonymous().get("/api/graph/broken-links").then().statusCode(401);

        editorJson().body(Map.of("title", "Back", "markdown", "again", "slug", target, "status", "published"))
                .post("/api/posts").then().statusCode(201);
        anonymous().get("/api/posts/" + source + "/links").then().body("broken", equalTo(List.of(false, false, true, false)));
    }

    @Test
    void draftsNeverLeakIntoThePublicGraph() {
        String draft = editorJson().body(Map.of("title", Api.unique("Hidden draft"), "markdown", "secret"))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        String source = Api.publishedPost(Api.unique("Public"), "[psst](/blog/" + draft + ")", Map.of());

        anonymous().get("/api/graph").then().statusCode(200)
                .body("nodes.id", not(hasItem("post:" + draft)))
                .body("edges.target", not(hasItem("post:" + draft)));
        anonymous().get("/api/posts/" + source + "/links").then().body("[0].target", nullValue()).body("[0].broken", equalTo(true));
        anonymous().get("/api/posts/" + draft + "/backlinks").then().statusCode(404);
        anonymous().get("/api/posts/" + source + "/related").then().body("slug", not(hasItem(draft)));

        editor().get("/api/graph").then().body("nodes.id", hasItem("post:" + draft))
                .body("edges", hasItem(Map.of("source", "post:" + source, "target", "post:" + draft, "type", "links_to")));
        editor().get("/api/posts/" + source + "/links").then().body("[0].target.slug", equalTo(draft));
    }

    @Test
    void relatedRanksSharedLinksAndTagsAboveNothingShared() {
        String tag = Api.unique("shared-tag");
        String hub = Api.publishedPost(Api.unique("Hub"), "hub", Map.of());
        String post = Api.publishedPost(Api.unique("Main"), "[hub](/blog/" + hub + ")", Map.of("tags", List.of(tag)));
        String sibling = Api.publishedPost(Api.unique("Sibling"), "[hub](/blog/" + hub + ") and [main](/blog/" + post + ")",
                Map.of("tags", List.of(tag)));
        String stranger = Api.publishedPost(Api.unique("Stranger"), "nothing in common", Map.of());

        List<Map<String, Object>> related = anonymous().get("/api/posts/" + post + "/related?limit=10").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<Object> slugs = related.stream().map(r -> r.get("slug")).toList();
        assertThat(slugs).startsWith(sibling).doesNotContain(stranger, post);
        // sibling: links to main (3) + both link to hub (2) + shared tag (1) = 6;
        // hub: main links to it (3) + sibling links to both (1) = 4.
        assertThat(related.get(0).get("score")).isEqualTo(6);
        assertThat(related.stream().filter(r -> r.get("slug").equals(hub)).findFirst().orElseThrow().get("score")).isEqualTo(4);
        anonymous().get("/api/posts/" + post + "/related?limit=1").then().body("size()", equalTo(1));
        anonymous().get("/api/posts/" + post + "/related?limit=0").then().statusCode(400);
    }

    @Test
    void graphOptionsAreValidated() {
        anonymous().get("/api/graph?types=friends").then().statusCode(400).body("errors[0].field", equalTo("types"));
        anonymous().get("/api/graph?around=x&depth=3").then().statusCode(400).body("errors[0].field", equalTo("depth"));
        anonymous().get("/api/graph?around=no-such-post").then().statusCode(404);
        anonymous().get("/api/posts/no-such-post/links").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void neighbourhoodOfDepthTwoReachesFriendsOfFriends() {
        String c = Api.publishedPost(Api.unique("C"), "end", Map.of());
        String b = Api.publishedPost(Api.unique("B"), "[c](/blog/" + c + ")", Map.of());
        String a = Api.publishedPost(Api.unique("A"), "[b](/blog/" + b + ")", Map.of());
        anonymous().get("/api/graph?types=links_to&around=" + a + "&depth=1").then()
                .body("nodes.id", equalTo(List.of("post:" + a, "post:" + b).stream().sorted().toList()));
        anonymous().get("/api/graph?types=links_to&around=" + a + "&depth=2").then()
                .body("nodes.id", equalTo(List.of("post:" + a, "post:" + b, "post:" + c).stream().sorted().toList()));
    }
}
