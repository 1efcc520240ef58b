package dev.crosslink.revision;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.admin;
import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** CONTRACT section 10 through HTTP; tests keep 5 revisions per post (cms.revisions.keep). */
@QuarkusTest
class RevisionApiTest {

    @Inject
    EntityManager em;

    private static String post(String markdown) {
        return Api.publishedPost(Api.unique("Revised"), markdown, Map.of("tags", List.of("history")));
    }

    private static void patch(String slug, Map<String, Object> fields) {
        editor().contentType("application/merge-patch+json").body(fields).patch("/api/posts/" + slug).then().statusCode(200);
    }

    @Test
    void everyApiWriteIsARevisionWithItsActorAndNoMarkdownInLists() {
        String slug = post("first");
        editorJson().body(Map.of("title", "Replaced", "markdown", "second", "status", "draft"))
                .put("/api/posts/" + slug).then().statusCode(200);
        patch(slug, Map.of("markdown", "third"));

        editor().get("/api/posts/" + slug + "/revisions").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.number", equalTo(List.of(3, 2, 1)))
                .body("items.source", equalTo(List.of("api", "api", "api")))
                .body("items.actor", equalTo(List.of("test-editor", "test-editor", "test-editor")))
                .body("items.status", equalTo(List.of("draft", "draft", "published")))
                .body("items.title[1]", equalTo("Replaced")).body("items.tags[2]", equalTo(List.of("history")))
                .body("items[0]", not(hasKey("markdown")));
        editor().get("/api/posts/" + slug + "/revisions?include=markdown").then()
                .body("items.markdown", equalTo(List.of("third", "second", "first")));
        editor().get("/api/posts/" + slug + "/revisions/1").then().statusCode(200)
                .body("markdown", equalTo("first")).body("category", nullValue()).body("excerpt", nullValue());
        editor().get("/api/posts/" + slug + "/revisions/9").then().statusCode(404).contentType("application/problem+json");
        editor().get("/api/posts/" + slug + "/revisions/x").then().statusCode(400).body("errors[0].field", equalTo("number"));
        anonymous().get("/api/posts/" + slug + "/revisions").then().statusCode(401);
        editor().get("/api/posts/no-such-post/revisions").then().statusCode(404);
    }

    @Test
    void aDiffNamesTheChangedFieldsAndGivesAUnifiedDiff() {
        String slug = post("one\ntwo\nthree\n");
        patch(slug, Map.of("title", "New title", "markdown", "one\n2\nthree\n"));
        editor().get("/api/posts/" + slug + "/revisions/2/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2)).body("changed", equalTo(List.of("title", "markdown")))
                .body("markdown", equalTo("--- /api/posts/" + slug + "/revisions/1\n+++ /api/posts/" + slug + "/revisions/2\n"
                        + "@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n"));
        String text = editor().accept("text/x-diff").get("/api/posts/" + slug + "/revisions/2/diff").then().statusCode(200)
                .contentType(containsString("text/x-diff")).extract().asString();
        assertThat(text).contains("-two\n+2\n");
        editor().get("/api/posts/" + slug + "/revisions/1/diff").then().body("from", nullValue())
                .body("changed", equalTo(List.of("title", "markdown", "slug", "excerpt", "status", "publishedAt", "author",
                        "category", "tags")));
        editor().get("/api/posts/" + slug + "/revisions/2/diff?from=2").then().body("changed", equalTo(List.of()))
                .body("markdown", equalTo(""));
        editor().get("/api/posts/" + slug + "/revisions/2/diff?from=9").then().statusCode(404).contentType("application/problem+json");
        editor().get("/api/posts/" + slug + "/revisions/2/diff?from=0").then().statusCode(400).body("errors[0].field", equalTo("from"));
        editor().get("/api/posts/" + slug + "/revisions?include=html").then().statusCode(400).body("errors[0].field", equalTo("include"));
    }

    @Test
    void restoreHonoursIfMatchAndIsARevisionOfItsOwn() {
        String slug = post("original text");
        patch(slug, Map.of("markdown", "vandalised"));
        String etag = editor().get("/api/posts/" + slug).then().extract().header("ETag");
        editor().header("If-Match", "\"stale\"").post("/api/posts/" + slug + "/revisions/1/restore").then().statusCode(412);
        editor().post("/api/posts/" + slug + "/revisions/9/restore").then().statusCode(404).contentType("application/problem+json");
        editor().post("/api/posts/no-such-post/revisions/1/restore").then().statusCode(404);
        editor().get("/api/posts/" + slug + "/revisions").then().body("totalItems", equalTo(2));

        editor().header("If-Match", etag).post("/api/posts/" + slug + "/revisions/1/restore").then().statusCode(200)
                .body("markdown", equalTo("original text")).body("html", containsString("original text"));
        editor().get("/api/posts/" + slug + "/revisions/3").then().body("source", equalTo("restore"))
                .body("markdown", equalTo("original text"));
        anonymous().get("/api/posts/" + slug).then().body("markdown", equalTo("original text"));
    }

    @Test
    void revisionsFollowThePostThroughItsFormerSlugsAndGoWithIt() {
        String slug = post("a");
        String renamed = slug + "-moved";
        patch(slug, Map.of("slug", renamed));
        editor().get("/api/posts/" + slug + "/revisions").then().statusCode(200).body("items.slug", equalTo(List.of(renamed, slug)));
        editor().post("/api/posts/" + slug + "/revisions/1/restore").then().statusCode(200).body("slug", equalTo(slug));
        editor().get("/api/posts/" + renamed + "/revisions").then().statusCode(200).body("totalItems", equalTo(3));

        editor().delete("/api/posts/" + slug).then().statusCode(204);
        editor().get("/api/posts/" + slug + "/revisions").then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from post_revision r where not exists (select 1 from post p where p.id = r.post_id)")
                .getSingleResult()).toString()).isEqualTo("0");
    }

    /** Eight clients patch one post at the same instant: eight revisions, numbered without a gap or a repeat. */
    @Test
    void racingWritesEachGetTheirOwnNumber() throws Exception {
        String slug = post("start");
        List<java.net.http.HttpResponse<String>> answers = dev.crosslink.Http.race(8, i -> dev.crosslink.Http.request(
                        java.net.URI.create("http://localhost:8081/api/posts/" + slug), Api.editorTokenValue())
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"markdown\": \"writer " + i + "\"}"))
                .build());
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        // 9 writes in all, 5 kept: the newest five numbers, and the last one holds what the post holds now
        editor().get("/api/posts/" + slug + "/revisions?include=markdown").then()
                .body("items.number", equalTo(List.of(9, 8, 7, 6, 5)))
                .body("items[0].markdown", equalTo(editor().get("/api/posts/" + slug).then().extract().path("markdown")));
    }

    @Test
    void theOldestGoPastTheBoundAndNumbersNeverRepeat() {
        String slug = post("v1");
        for (int i = 2; i <= 7; i++) {
            patch(slug, Map.of("markdown", "v" + i));
        }
        editor().get("/api/posts/" + slug + "/revisions").then()
                .body("totalItems", equalTo(5)).body("items.number", equalTo(List.of(7, 6, 5, 4, 3)));
        editor().get("/api/posts/" + slug + "/revisions/2").then().statusCode(404);
        editor().get("/api/posts/" + slug + "/revisions/3/diff").then().body("from", nullValue());
        patch(slug, Map.of("markdown", "v8"));
        editor().get("/api/posts/" + slug + "/revisions?size=1").then().body("items[0].number", equalTo(8));
    }

    @Test
    void importsAndRerendersAreRevisionsAndAnUnchangedReimportIsNot() {
        String marker = Api.unique("rev-import");
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>https://example.org/</link><description>d</description>
                  <item><title>Imported %1$s</title><link>https://example.org/blog/%1$s</link><guid>urn:rev:%1$s</guid>
                    <pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate><description>About %1$s.</description></item>
                </channel></rss>
                """.formatted(marker);
        admin().contentType("application/rss+xml").body(feed).post("/api/import/rss").then().statusCode(200).body("created", equalTo(1));
        admin().contentType("application/rss+xml").body(feed).post("/api/import/rss").then().statusCode(200).body("unchanged", equalTo(1));
        admin().contentType("application/rss+xml").body(feed.replace("About", "Now about")).post("/api/import/rss").then()
                .statusCode(200).body("updated", equalTo(1));
        editor().get("/api/posts/" + marker + "/revisions").then().body("totalItems", equalTo(2))
                .body("items.source", equalTo(List.of("import", "import")));

        // stored HTML that a re-render would change: the re-render is a revision by the admin
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update post_body set html = '<p>stale</p>' where post_id = (select id from post where slug = ?1)")
                .setParameter(1, marker).executeUpdate());
        admin().post("/api/admin/rerender").then().statusCode(200);
        editor().get("/api/posts/" + marker + "/revisions").then().body("totalItems", equalTo(3))
                .body("items[0].source", equalTo("rerender"));
    }
}
