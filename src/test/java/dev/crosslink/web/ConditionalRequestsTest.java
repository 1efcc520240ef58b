package dev.crosslink.web;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ConditionalRequestsTest {

    @Test
    void etagAndLastModifiedGive304() {
        String slug = Api.publishedPost(Api.unique("Cached"), "body", Map.of());
        var first = anonymous().get("/api/posts/" + slug).then().statusCode(200)
                .header("ETag", notNullValue()).header("Last-Modified", notNullValue()).extract();
        String etag = first.header("ETag");
        anonymous().header("If-None-Match", etag).get("/api/posts/" + slug).then().statusCode(304).header("ETag", etag);
        anonymous().header("If-Modified-Since", first.header("Last-Modified")).get("/api/posts/" + slug).then().statusCode(304);
        anonymous().header("If-None-Match", "\"something-else\"").get("/api/posts/" + slug).then().statusCode(200);

        editor().contentType("application/merge-patch+json").body(Map.of("title", "Changed"))
                .patch("/api/posts/" + slug).then().statusCode(200);
        anonymous().header("If-None-Match", etag).get("/api/posts/" + slug).then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String slug = Api.publishedPost(Api.unique("Guarded"), "body", Map.of());
        String etag = anonymous().get("/api/posts/" + slug).then().extract().header("ETag");
        String newEtag = editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "First edit")).patch("/api/posts/" + slug).then().statusCode(200)
                .extract().header("ETag");

        editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "Lost update")).patch("/api/posts/" + slug).then().statusCode(412)
                .contentType("application/problem+json");
        editor().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("title", "Lost update", "markdown", "x")).put("/api/posts/" + slug).then().statusCode(412);
        editor().header("If-Match", etag).delete("/api/posts/" + slug).then().statusCode(412);
        anonymous().get("/api/posts/" + slug).then().statusCode(200).body("title", equalTo("First edit"));

        editor().header("If-Match", newEtag).delete("/api/posts/" + slug).then().statusCode(204);
    }

    @Test
    void categoriesAndTagsHaveValidatorsToo() {
        String slug = Api.category(Api.unique("Validated"));
        String etag = anonymous().get("/api/categories/" + slug).then().statusCode(200).extract().header("ETag");
        anonymous().header("If-None-Match", etag).get("/api/categories/" + slug).then().statusCode(304);
        editor().contentType(ContentType.JSON).header("If-Match", "\"stale\"")
                .body(Map.of("name", "Renamed")).put("/api/categories/" + slug).then().statusCode(412);
        editor().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Renamed")).put("/api/categories/" + slug).then().statusCode(200)
                .body("name", equalTo("Renamed"));
    }
}
