package dev.crosslink.web;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The headers every response carries and the bodies no write may take (CONTRACT sections 3 and 4). */
@QuarkusTest
class HeadersAndBodiesTest {

    @Test
    void everyResponseSaysNosniff() {
        anonymous().get("/api/posts").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        anonymous().get("/rss").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        anonymous().get("/rss").then().statusCode(200).header("X-Content-Type-Options", "nosniff"); // from the cache
        editorJson().body("{\"title\": \"" + "x".repeat(5 << 20) + "\"}").post("/api/posts")
                .then().statusCode(413).header("X-Content-Type-Options", "nosniff");
        anonymous().get("/api/posts/no-such-post").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        anonymous().get("/q/health/live").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        anonymous().get("/q/openapi").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        editor().get("/api/posts").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void swaggerUiCannotBeFramedByAnotherOrigin() {
        anonymous().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("X-Frame-Options", "SAMEORIGIN");
    }

    @Test
    void authenticatedAnswersAreNeverStoredBySharedCaches() {
        String slug = editorJson().body(Map.of("title", Api.unique("Secret plan"), "markdown", "draft body"))
                .post("/api/posts").then().statusCode(201)
                .header("Cache-Control", "private, no-store").extract().path("slug");
        editor().get("/api/posts/" + slug).then().statusCode(200).header("Cache-Control", "private, no-store");
        editor().get("/api/posts?status=draft").then().statusCode(200).header("Cache-Control", "private, no-store");
        anonymous().get("/api/posts").then().statusCode(200).header("Cache-Control", not(containsString("private")));
    }

    @Test
    void locationComesFromTheSiteUrlNeverFromHost() {
        String title = Api.unique("Hosted");
        editorJson().header("Host", "evil.example").body(Map.of("title", title, "markdown", "x"))
                .post("/api/posts").then().statusCode(201)
                .header("Location", startsWith("http://localhost:8080/api/posts/"))
                .header("Location", not(containsString("evil")));
        String slug = Api.publishedPost(Api.unique("Renamed"), "x", Map.of());
        editorJson().body(Map.of("slug", slug + "-new")).contentType("application/merge-patch+json")
                .patch("/api/posts/" + slug).then().statusCode(200);
        anonymous().redirects().follow(false).header("Host", "evil.example").get("/api/posts/" + slug)
                .then().statusCode(301).header("Location", equalTo("http://localhost:8080/api/posts/" + slug + "-new"));
    }

    @Test
    void aBodyWithoutContentTypeIs415AndStoresNothing() {
        String title = Api.unique("Untyped");
        editor().body("{\"title\": \"" + title + "\", \"markdown\": \"x\", \"status\": \"published\"}")
                .post("/api/posts").then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
        editor().get("/api/posts?q=" + title).then().statusCode(200).body("totalItems", equalTo(0));
        editor().body("{\"name\": \"untyped\"}").post("/api/tags").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownValueOfAKnownParameterIsA400NamingIt() {
        anonymous().get("/api/posts?sort=title;DROP%20TABLE%20post").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("sort"));
        anonymous().get("/api/posts?include=secrets").then().statusCode(400).body("errors.field", hasItem("include"));
        anonymous().get("/api/posts?size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        anonymous().get("/api/posts?page=abc").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void plainTextFieldsRefuseWhatXmlCannotCarry() {
        for (String bad : new String[]{"a\u0001b", "a\ufffeb", "a\uffffb", "a\ud800b", "a\udc00b"}) {
            editorJson().body(Map.of("title", bad, "markdown", "x")).post("/api/posts").then().statusCode(400)
                    .body("errors.field", hasItem("title"));
            editorJson().body(Map.of("title", "ok", "markdown", "x", "author", bad)).post("/api/posts").then().statusCode(400)
                    .body("errors.field", hasItem("author"));
            editorJson().body(Map.of("title", "ok", "markdown", "x", "excerpt", bad)).post("/api/posts").then().statusCode(400)
                    .body("errors.field", hasItem("excerpt"));
            editorJson().body(Map.of("title", "ok", "markdown", "x", "tags", java.util.List.of(bad))).post("/api/posts")
                    .then().statusCode(400).body("errors[0].field", startsWith("tags"));
            editorJson().body(Map.of("name", bad)).post("/api/tags").then().statusCode(400).body("errors.field", hasItem("name"));
            editorJson().body(Map.of("name", "ok", "description", bad)).post("/api/categories").then().statusCode(400)
                    .body("errors.field", hasItem("description"));
        }
        // tab, newline and astral characters (a correctly paired surrogate) are text like any other
        editorJson().body(Map.of("title", "Tabs\tand 😀 emoji", "markdown", "x")).post("/api/posts").then().statusCode(201)
                .body("title", equalTo("Tabs\tand 😀 emoji"));
        editorJson().contentType(ContentType.JSON).body(Map.of("title", "x", "markdown", "nul \u0000 here")).post("/api/posts")
                .then().statusCode(400).body("errors.field", hasItem("markdown"));
    }
}
