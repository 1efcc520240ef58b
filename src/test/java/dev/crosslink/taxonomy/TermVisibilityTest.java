package dev.crosslink.taxonomy;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A term that exists only because a draft or scheduled post named it tells anonymous callers
 * nothing (CONTRACT section 7): not in lists, not by slug, no feed, no graph node, until a public
 * post uses it. Terms made through /api/tags or /api/categories are public at once.
 */
@QuarkusTest
class TermVisibilityTest {

    private static long anonymousTotal(String path) {
        return anonymous().get(path + "?size=1").then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    private static long editorTotal(String path) {
        return editor().get(path + "?size=1").then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    private static void invisible(String kind, String slug) {
        anonymous().get("/api/" + kind + "/" + slug).then().statusCode(404).contentType("application/problem+json");
        String feedKind = kind.equals("tags") ? "tags" : "categories";
        anonymous().get("/rss/" + feedKind + "/" + slug).then().statusCode(404);
        anonymous().get("/feed.json/" + feedKind + "/" + slug).then().statusCode(404);
        String node = (kind.equals("tags") ? "tag:" : "category:") + slug;
        anonymous().get("/api/graph").then().statusCode(200).body("nodes.id", not(hasItem(node)));
        editor().get("/api/graph").then().statusCode(200).body("nodes.id", hasItem(node));
        editor().get("/api/" + kind + "/" + slug).then().statusCode(200);
    }

    private static void visible(String kind, String slug) {
        anonymous().get("/api/" + kind + "/" + slug).then().statusCode(200).body("slug", equalTo(slug));
        String feedKind = kind.equals("tags") ? "tags" : "categories";
        anonymous().get("/rss/" + feedKind + "/" + slug).then().statusCode(200);
        String node = (kind.equals("tags") ? "tag:" : "category:") + slug;
        anonymous().get("/api/graph").then().statusCode(200).body("nodes.id", hasItem(node));
    }

    @Test
    void aTagOnlyADraftNamesStaysInvisibleUntilThePostIsPublished() {
        long anonymousBefore = anonymousTotal("/api/tags");
        long editorBefore = editorTotal("/api/tags");
        String tag = Api.unique("project-zeus");
        String draft = editorJson().body(Map.of("title", Api.unique("Zeus plan"), "markdown", "secret", "tags", List.of(tag)))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        assertThat(anonymousTotal("/api/tags")).isEqualTo(anonymousBefore);
        assertThat(editorTotal("/api/tags")).isEqualTo(editorBefore + 1);
        anonymous().get("/api/tags?size=100").then().body("items.slug", not(hasItem(tag)));
        invisible("tags", tag);

        editorJson().contentType("application/merge-patch+json").body(Map.of("status", "published"))
                .patch("/api/posts/" + draft).then().statusCode(200);
        visible("tags", tag);
        assertThat(anonymousTotal("/api/tags")).isEqualTo(anonymousBefore + 1);
        anonymous().get("/api/tags/" + tag).then().body("postCount", equalTo(1));
    }

    @Test
    void aScheduledPostsNewTagWaitsForItsPublication() {
        String tag = Api.unique("launch-codename");
        editorJson().body(Map.of("title", Api.unique("Launch"), "markdown", "soon", "tags", List.of(tag),
                        "status", "scheduled", "publishedAt", Instant.now().plus(2, ChronoUnit.HOURS).toString()))
                .post("/api/posts").then().statusCode(201);
        invisible("tags", tag);
    }

    @Test
    void termsMadeThroughTheirOwnEndpointsArePublicAtOnce() {
        String tag = editorJson().body(Map.of("name", Api.unique("Announced tag"))).post("/api/tags")
                .then().statusCode(201).extract().path("slug");
        String category = Api.category(Api.unique("Announced category"));
        visible("tags", tag);
        visible("categories", category);
        anonymous().get("/api/tags/" + tag).then().body("postCount", equalTo(0));
    }

    @Test
    void anImportedCategoryIsVisibleThroughItsPublicPost() {
        String marker = Api.unique("imported-cat");
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>https://visibility.example/</link><description>d</description>
                  <item><title>Visible %1$s</title><link>https://visibility.example/blog/%1$s</link><guid>urn:vis:%1$s</guid>
                    <pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate><description>x</description>
                    <category>Cat %1$s</category><category>Tag %1$s</category></item>
                </channel></rss>
                """.formatted(marker);
        Api.admin().contentType("application/rss+xml").body(rss).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(1));
        visible("categories", "cat-" + marker);
        visible("tags", "tag-" + marker);
    }
}
