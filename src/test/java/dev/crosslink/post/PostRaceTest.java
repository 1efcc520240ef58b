package dev.crosslink.post;

import dev.crosslink.Api;
import dev.crosslink.Http;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Many clients over HTTP at the same instant, on one node (CONTRACT sections 3 and 4). */
@QuarkusTest
class PostRaceTest {

    private static URI uri(String path) {
        return URI.create("http://localhost:8081" + path);
    }

    @Test
    void twoPutsWithTheSameIfMatchGetOne200AndOne412() throws Exception {
        String slug = Api.unique("race-if-match");
        editorJson().body("{\"title\": \"Race\", \"markdown\": \"start\", \"slug\": \"" + slug + "\"}").post("/api/posts")
                .then().statusCode(201);
        for (int round = 0; round < 5; round++) {
            String etag = editor().get("/api/posts/" + slug).then().statusCode(200).extract().header("ETag");
            int r = round;
            List<HttpResponse<String>> answers = Http.race(2, i -> Http.request(uri("/api/posts/" + slug), Api.editorTokenValue())
                    .header("Content-Type", "application/json").header("If-Match", etag)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"title\": \"Race " + r + " by " + i + "\", \"markdown\": \"round " + r + " writer " + i + "\"}"))
                    .build());
            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertThat(statuses).as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
                    .containsExactly(200, 412);
            HttpResponse<String> loser = answers.stream().filter(a -> a.statusCode() == 412).findFirst().orElseThrow();
            assertThat(loser.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            String winnerTitle = JsonPath.from(answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow().body())
                    .getString("title");
            editor().get("/api/posts/" + slug).then().statusCode(200)
                    .body("title", org.hamcrest.Matchers.equalTo(winnerTitle));
        }
    }

    @Test
    void tenCreatesOfOneTitleGetTenSlugsAndTen201s() throws Exception {
        String title = Api.unique("Same Title Race");
        String base = dev.crosslink.web.Slug.derive(title);
        List<HttpResponse<String>> answers = Http.race(10, i -> Http.json(uri("/api/posts"), Api.editorTokenValue(), "POST",
                "{\"title\": \"" + title + "\", \"markdown\": \"writer " + i + "\"}"));
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
        Set<String> slugs = answers.stream().map(a -> JsonPath.from(a.body()).getString("slug")).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        expected.add(base);
        IntStream.rangeClosed(2, 10).forEach(n -> expected.add(base + "-" + n));
        assertThat(slugs).isEqualTo(expected);
    }

    @Test
    void postsNamingOneNewTagAtOnceShareOneTag() throws Exception {
        String tag = Api.unique("race-tag");
        List<HttpResponse<String>> answers = Http.race(4, i -> Http.json(uri("/api/posts"), Api.editorTokenValue(), "POST",
                "{\"title\": \"" + Api.unique("tag race " + i) + "\", \"markdown\": \"x\", \"status\": \"published\", \"tags\": [\""
                        + tag + "\"]}"));
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
        assertThat(answers).allSatisfy(a -> assertThat(JsonPath.from(a.body()).getString("tags[0].slug")).isEqualTo(tag));
        editor().get("/api/tags/" + tag).then().statusCode(200).body("postCount", org.hamcrest.Matchers.equalTo(4));
        editor().get("/api/tags/" + tag + "-2").then().statusCode(404);
    }

    @Test
    void aPublishedAtOutsideTheYears1970To9999IsRefused() {
        for (String date : List.of("+300000000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z")) {
            editorJson().body("{\"title\": \"Far\", \"markdown\": \"x\", \"status\": \"published\", \"publishedAt\": \"" + date + "\"}")
                    .post("/api/posts").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("publishedAt"));
        }
        editorJson().body("{\"title\": \"" + Api.unique("Edge") + "\", \"markdown\": \"x\", \"status\": \"scheduled\", "
                + "\"publishedAt\": \"9999-12-31T23:59:59Z\"}").post("/api/posts").then().statusCode(201);
    }

    /**
     * A DELETE racing a PATCH of the same post or term: whichever wins, the other gets an answer
     * that says so (the delete already happened: 404; the patch changed it first: 204 still), never a 500.
     */
    @Test
    void aDeleteRacingAPatchNeverAnswers500() throws Exception {
        for (int round = 0; round < 8; round++) {
            String slug = Api.unique("race-delete");
            editorJson().body("{\"title\": \"Doomed\", \"markdown\": \"x\", \"slug\": \"" + slug + "\", \"status\": \"published\"}")
                    .post("/api/posts").then().statusCode(201);
            String tag = Api.unique("race-tag");
            editorJson().body("{\"name\": \"" + tag + "\", \"slug\": \"" + tag + "\"}").post("/api/tags").then().statusCode(201);
            for (String path : List.of("/api/posts/" + slug, "/api/tags/" + tag)) {
                String body = path.startsWith("/api/posts") ? "{\"title\": \"Patched\"}" : "{\"description\": \"Patched\"}";
                List<HttpResponse<String>> answers = Http.race(2, i -> i == 0
                        ? Http.request(uri(path), Api.editorTokenValue()).DELETE().build()
                        : Http.request(uri(path), Api.editorTokenValue()).header("Content-Type", "application/merge-patch+json")
                                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
                assertThat(answers.get(0).statusCode()).as("delete of %s: %s", path, answers.get(0).body()).isEqualTo(204);
                assertThat(answers.get(1).statusCode()).as("patch of %s: %s", path, answers.get(1).body()).isIn(200, 404);
                editor().get(path).then().statusCode(404);
            }
        }
    }

    /** With If-Match, the patch that loses to a delete is a 412: no current version can match (RFC 9110 13.1.1). */
    @Test
    void aPatchWithIfMatchRacingADeleteIs412WhenItLoses() throws Exception {
        for (int round = 0; round < 8; round++) {
            String slug = Api.unique("race-delete-if-match");
            String etag = editorJson().body("{\"title\": \"Doomed\", \"markdown\": \"x\", \"slug\": \"" + slug + "\"}")
                    .post("/api/posts").then().statusCode(201).extract().header("ETag");
            List<HttpResponse<String>> answers = Http.race(2, i -> i == 0
                    ? Http.request(uri("/api/posts/" + slug), Api.editorTokenValue()).DELETE().build()
                    : Http.request(uri("/api/posts/" + slug), Api.editorTokenValue()).header("If-Match", etag)
                            .header("Content-Type", "application/merge-patch+json")
                            .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\": \"Patched\"}")).build());
            assertThat(answers.get(0).statusCode()).isEqualTo(204);
            assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isIn(200, 412);
        }
        // and plainly: If-Match on something deleted is a 412, without it a 404
        String slug = Api.unique("gone");
        String etag = editorJson().body("{\"title\": \"Gone\", \"markdown\": \"x\", \"slug\": \"" + slug + "\"}")
                .post("/api/posts").then().statusCode(201).extract().header("ETag");
        editor().delete("/api/posts/" + slug).then().statusCode(204);
        editorJson().header("If-Match", etag).contentType("application/merge-patch+json").body("{\"title\": \"x\"}")
                .patch("/api/posts/" + slug).then().statusCode(412).contentType("application/problem+json");
        editor().header("If-Match", etag).delete("/api/posts/" + slug).then().statusCode(412);
        editor().delete("/api/posts/" + slug).then().statusCode(404);
        editor().header("If-Match", "\"whatever\"").delete("/api/tags/" + Api.unique("no-tag")).then().statusCode(412);
    }
}
