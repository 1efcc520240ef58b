package dev.crosslink.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static org.hamcrest.Matchers.equalTo;

/** RFC 9110 method semantics: a 405 says what is allowed, and OPTIONS tells the truth about a path. */
@QuarkusTest
class MethodsTest {

    @Test
    void a405CarriesAllowWithThePathsMethods() {
        editor().delete("/api/posts").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", "GET, HEAD, OPTIONS, POST").body("status", equalTo(405));
        anonymous().put("/rss").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        anonymous().post("/api/graph").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void undeclaredMethodsOnSubresourcesAre405Not404() {
        for (String sub : new String[]{"links", "backlinks", "related"}) {
            editor().post("/api/posts/some-post/" + sub).then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
            editor().delete("/api/posts/some-post/" + sub).then().statusCode(405);
        }
        anonymous().get("/api/posts/some-post/nothing-here").then().statusCode(404);
    }

    @Test
    void optionsListsExactlyWhatThePathDoes() {
        anonymous().options("/api/posts").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS, POST");
        anonymous().options("/api/posts/any-slug").then().statusCode(204)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT");
        anonymous().options("/api/tags/any-slug").then().statusCode(204)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT");
        anonymous().options("/api/tokens").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS, POST");
        anonymous().options("/feed.json/tags/raft").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
    }
}
