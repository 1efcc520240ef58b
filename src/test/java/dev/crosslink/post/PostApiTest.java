package dev.crosslink.post;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class PostApiTest {

    @Test
    void createRendersOnWriteAndAnswersWithLocation() {
        String title = Api.unique("Hello-World");
        var created = editorJson()
                .body(Map.of("title", title, "markdown", "# Intro\n\nFirst *para*graph here.\n\n```python\nprint(1)\n```\n"))
                .post("/api/posts")
                .then().statusCode(201)
                .header("Location", containsString("/api/posts/" + title.toLowerCase()))
                .header("ETag", notNullValue())
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("slug", equalTo(title.toLowerCase()))
                .body("status", equalTo("draft"))
                .body("publishedAt", nullValue())
                .body("html", containsString("<h1 id=\"intro\">Intro</h1>"))
                .body("html", containsString("<pre><code class=\"language-python\">print(1)"))
                .body("excerpt", equalTo("First paragraph here."))
                .body("readingTimeMinutes", equalTo(1))
                .body("author", equalTo("Crosslink Editor"))
                .body("version", equalTo(0))
                .body("source.kind", equalTo("api"))
                .body("url", equalTo("http://localhost:8080/blog/" + title.toLowerCase()))
                .body("tags", equalTo(List.of()))
                .body("category", nullValue())
                .extract().jsonPath();
        editor().get("/api/posts/" + created.getString("slug")).then().statusCode(200)
                .body("html", equalTo(created.getString("html")));
    }

    @Test
    void draftIsHiddenFromAnonymousUntilPublished() {
        String slug = editorJson().body(Map.of("title", Api.unique("Secret draft"), "markdown", "draft body"))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        anonymous().get("/api/posts/" + slug).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        anonymous().get("/api/posts?size=100&q=" + slug).then().statusCode(200).body("totalItems", equalTo(0));
        editor().get("/api/posts/" + slug).then().statusCode(200).body("status", equalTo("draft"));

        editor().contentType("application/merge-patch+json").body(Map.of("status", "published"))
                .patch("/api/posts/" + slug).then().statusCode(200)
                .body("status", equalTo("published")).body("publishedAt", notNullValue()).body("version", equalTo(1));
        anonymous().get("/api/posts/" + slug).then().statusCode(200).body("slug", equalTo(slug));
    }

    @Test
    void futurePostIsHiddenAndPublishedWithFutureDateIsScheduled() {
        String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();
        String slug = editorJson().body(Map.of("title", Api.unique("Later"), "markdown", "x", "status", "published",
                        "publishedAt", future))
                .post("/api/posts").then().statusCode(201).body("status", equalTo("scheduled")).extract().path("slug");
        anonymous().get("/api/posts/" + slug).then().statusCode(404);
        editor().get("/api/posts?status=scheduled&size=100").then().statusCode(200).body("items.slug", hasItems(slug));
    }

    @Test
    void scheduledNeedsAFuturePublishedAt() {
        editorJson().body(Map.of("title", Api.unique("Bad schedule"), "markdown", "x", "status", "scheduled"))
                .post("/api/posts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publishedAt"));
        editorJson().body(Map.of("title", Api.unique("Bad schedule"), "markdown", "x", "status", "scheduled",
                        "publishedAt", "2001-01-01T00:00:00Z"))
                .post("/api/posts").then().statusCode(400).body("errors[0].field", equalTo("publishedAt"));
    }

    @Test
    void scheduledPostTurnsPublicWhenItsTimeComesWithoutAnyWrite() throws InterruptedException {
        Instant at = Instant.now().plusSeconds(2);
        String slug = editorJson().body(Map.of("title", Api.unique("Soon"), "markdown", "soon", "status", "scheduled",
                        "publishedAt", at.toString()))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        anonymous().get("/api/posts/" + slug).then().statusCode(404);
        // An anonymous list answer made now is cached; it must not outlive the publication instant.
        anonymous().get("/api/posts?q=" + slug).then().body("totalItems", equalTo(0));
        anonymous().get("/api/posts?q=" + slug).then().body("totalItems", equalTo(0));
        long wait = java.time.Duration.between(Instant.now(), at).toMillis() + 300;
        Thread.sleep(Math.max(0, wait));
        anonymous().get("/api/posts/" + slug).then().statusCode(200).body("status", equalTo("published"));
        anonymous().get("/api/posts?q=" + slug).then().body("items.slug", hasItems(slug));
    }

    @Test
    void derivedSlugGetsSuffixAndExplicitTakenSlugIs409() {
        String title = Api.unique("Same Title");
        String first = editorJson().body(Map.of("title", title, "markdown", "a")).post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        editorJson().body(Map.of("title", title, "markdown", "b")).post("/api/posts")
                .then().statusCode(201).body("slug", equalTo(first + "-2"));
        editorJson().body(Map.of("title", "Other", "markdown", "c", "slug", first)).post("/api/posts")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void slugIsDerivedWithAccentsFoldedAndPunctuationDropped() {
        String suffix = Api.unique("x");
        editorJson().body(Map.of("title", "Crème Brûlée & ML/AI: Ça va? " + suffix, "markdown", "m"))
                .post("/api/posts").then().statusCode(201)
                .body("slug", equalTo("creme-brulee-ml-ai-ca-va-" + suffix));
    }

    @Test
    void categoryMustExistAndTagsAreCreated() {
        String tagName = Api.unique("Brand-New-Tag");
        editorJson().body(Map.of("title", Api.unique("Categorized"), "markdown", "m", "category", "no-such-category"))
                .post("/api/posts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        anonymous().get("/api/tags/" + tagName.toLowerCase()).then().statusCode(404);

        String category = Api.category(Api.unique("Distributed Systems"));
        editorJson().body(Map.of("title", Api.unique("Categorized"), "markdown", "m", "category", category,
                        "tags", List.of(tagName, "raft")))
                .post("/api/posts").then().statusCode(201)
                .body("category.slug", equalTo(category))
                .body("category.url", endsWith("/topics/" + category))
                .body("tags.slug", equalTo(List.of(tagName.toLowerCase(), "raft")))
                .body("tags[0].name", equalTo(tagName));
        // the post is a draft: its new tag exists for editors only (CONTRACT section 7, TermVisibilityTest)
        editor().get("/api/tags/" + tagName.toLowerCase()).then().statusCode(200).body("name", equalTo(tagName));
    }

    @Test
    void validationFailuresNameTheirFieldsAndChangeNothing() {
        long before = editor().get("/api/posts?size=1").then().extract().jsonPath().getLong("totalItems");
        editorJson().body(Map.of("markdown", "no title", "slug", "Not A Slug"))
                .post("/api/posts").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body("errors.field", hasItems("title", "slug"));
        editorJson().body(Map.of("title", "x".repeat(301), "markdown", "m"))
                .post("/api/posts").then().statusCode(400).body("errors.field", hasItems("title"));
        editorJson().body(Map.of("title", "ok", "markdown", "m", "publishedAt", "yesterday"))
                .post("/api/posts").then().statusCode(400).body("errors[0].field", equalTo("publishedAt"));
        editorJson().body(Map.of("title", "ok", "markdown", "m", "status", "live"))
                .post("/api/posts").then().statusCode(400).body("errors[0].field", equalTo("status"));
        long after = editor().get("/api/posts?size=1").then().extract().jsonPath().getLong("totalItems");
        org.junit.jupiter.api.Assertions.assertEquals(before, after);
    }

    @Test
    void putReplacesAndDeleteRemoves() {
        String slug = Api.publishedPost(Api.unique("Replace me"), "old body", Map.of("excerpt", "Custom."));
        editorJson().body(Map.of("title", "Replaced", "markdown", "new **body**", "status", "published"))
                .put("/api/posts/" + slug).then().statusCode(200)
                .body("title", equalTo("Replaced")).body("slug", equalTo(slug))
                .body("html", equalTo("<p>new <strong>body</strong></p>\n"))
                .body("excerpt", equalTo("new body")).body("version", equalTo(1));
        editor().delete("/api/posts/" + slug).then().statusCode(204);
        editor().get("/api/posts/" + slug).then().statusCode(404);
        editor().delete("/api/posts/" + slug).then().statusCode(404);
    }

    @Test
    void formerSlugAnswers301AndIsNotReusedByDerivation() {
        String slug = Api.publishedPost(Api.unique("Moving"), "body", Map.of());
        String renamed = slug + "-renamed";
        editor().contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                .patch("/api/posts/" + slug).then().statusCode(200).body("slug", equalTo(renamed));
        // Location is built on cms.site.url, never on the request's Host (which anyone can forge)
        anonymous().redirects().follow(false).header("Host", "evil.example").get("/api/posts/" + slug).then().statusCode(301)
                .header("Location", equalTo("http://localhost:8080/api/posts/" + renamed));
        anonymous().get("/api/posts/" + renamed).then().statusCode(200).body("slug", equalTo(renamed));
    }

    @Test
    void guidIsFixedAtFirstPublication() {
        String slug = Api.publishedPost(Api.unique("Guid"), "body", Map.of());
        // The guid is not part of the JSON contract; a rename must not change the post's identity or URL history.
        String id = anonymous().get("/api/posts/" + slug).then().extract().path("id");
        editor().contentType("application/merge-patch+json").body(Map.of("slug", slug + "-b"))
                .patch("/api/posts/" + slug).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void mergePatchNullRemovesOptionalFieldAndKeepsOthers() {
        String category = Api.category(Api.unique("Patchable"));
        String slug = Api.publishedPost(Api.unique("Patch me"), "Body text.", Map.of("category", category,
                "excerpt", "Hand written.", "tags", List.of("alpha")));
        var patch = new java.util.HashMap<String, Object>();
        patch.put("excerpt", null);
        patch.put("category", null);
        editor().contentType("application/merge-patch+json").body(patch)
                .patch("/api/posts/" + slug).then().statusCode(200)
                .body("excerpt", equalTo("Body text.")).body("category", nullValue())
                .body("tags.slug", equalTo(List.of("alpha"))).body("status", equalTo("published"));
    }

    @Test
    void patchNeedsMergePatchMediaTypeAndAnObject() {
        String slug = Api.publishedPost(Api.unique("Media"), "x", Map.of());
        editor().contentType("application/merge-patch+json").body("[{\"op\": \"replace\"}]")
                .patch("/api/posts/" + slug).then().statusCode(400).contentType("application/problem+json");
        editor().contentType("application/merge-patch+json").body(Map.of("title", ""))
                .patch("/api/posts/" + slug).then().statusCode(400).body("errors[0].field", equalTo("title"));
        anonymous().get("/api/posts/" + slug).then().body("version", equalTo(0));
        editorJson().body(Map.of("title", "y")).patch("/api/posts/" + slug).then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void xssInMarkdownNeverSurvives() {
        String slug = editorJson().body(Map.of("title", Api.unique("Evil"), "markdown",
                        "[click](javascript:alert(1))\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n"))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        String html = editor().get("/api/posts/" + slug).then().extract().path("html");
        org.assertj.core.api.Assertions.assertThat(html).doesNotContainIgnoringCase("javascript")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror");
    }

    @Test
    void listItemsLeaveBodiesOutUnlessIncluded() {
        String slug = Api.publishedPost(Api.unique("Included"), "Some *markdown*.", Map.of());
        anonymous().get("/api/posts?q=" + slug).then().statusCode(200)
                .body("items[0].slug", equalTo(slug))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("html")))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("markdown")));
        anonymous().get("/api/posts?include=html&q=" + slug).then()
                .body("items[0].html", startsWith("<p>Some <em>markdown</em>")).body("items[0]", not(org.hamcrest.Matchers.hasKey("markdown")));
        anonymous().get("/api/posts?include=html,markdown&q=" + slug).then()
                .body("items[0].markdown", equalTo("Some *markdown*.")).body("items[0].html", notNullValue());
        anonymous().get("/api/posts?include=body").then().statusCode(400).body("errors[0].field", equalTo("include"));
    }

    @Test
    void rerenderIsAdminOnlyAndReportsCounts() {
        Api.publishedPost(Api.unique("Rerender"), "x", Map.of());
        editor().post("/api/admin/rerender").then().statusCode(403);
        Api.admin().post("/api/admin/rerender").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1)).body("changed", is(0));
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void writesRecordWhichTokenMadeThem() throws Exception {
        String slug = Api.publishedPost(Api.unique("Audited"), "x", Map.of());
        Api.admin().contentType("application/merge-patch+json").body(Map.of("title", "Edited by admin"))
                .patch("/api/posts/" + slug).then().statusCode(200);
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("select created_by, updated_by from post where slug = ?")) {
            statement.setString(1, slug);
            try (var rows = statement.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(rows.next());
                org.junit.jupiter.api.Assertions.assertEquals("test-editor", rows.getString(1));
                org.junit.jupiter.api.Assertions.assertEquals("bootstrap-admin", rows.getString(2));
            }
        }
    }

    @Test
    void createdByAndAuthorDefaults() {
        editorJson().body(Map.of("title", Api.unique("Authored"), "markdown", "x", "author", "Jocta Torres"))
                .post("/api/posts").then().statusCode(201).body("author", equalTo("Jocta Torres"));
        editor().contentType(ContentType.JSON).body("{\"title\":\"t\",\"markdown\":\"m\",\"tags\":[\"\"]}")
                .post("/api/posts").then().statusCode(400);
    }
}
