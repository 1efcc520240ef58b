package dev.crosslink.web;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A field of the wrong type is a 400 naming it and stores nothing; no value is quietly converted. */
@QuarkusTest
class StrictJsonTest {

    @Test
    void wrongScalarTypesAreRefusedNotCoerced() {
        editorJson().body("{\"name\": true, \"slug\": false, \"description\": 5}").post("/api/categories")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        editor().get("/api/categories/false").then().statusCode(404);

        String title = Api.unique("Typed");
        editorJson().body("{\"title\": 5, \"markdown\": \"x\"}").post("/api/posts")
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        editorJson().body("{\"title\": \"" + title + "\", \"markdown\": \"x\", \"tags\": [false, 1.5]}").post("/api/posts")
                .then().statusCode(400).body("errors[0].field", startsWith("tags"));
        editorJson().body("{\"title\": \"" + title + "\", \"markdown\": \"x\", \"status\": 1}").post("/api/posts")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        editorJson().body("{\"title\": \"" + title + "\", \"markdown\": \"x\", \"tags\": \"single\"}").post("/api/posts")
                .then().statusCode(400).body("errors[0].field", equalTo("tags"));
        editorJson().body("{\"title\": \"" + title + "\", \"markdown\": true}").post("/api/posts")
                .then().statusCode(400).body("errors[0].field", equalTo("markdown"));
        editor().get("/api/posts?q=" + title).then().body("totalItems", equalTo(0));

        // the same post, typed right, is fine
        String slug = editorJson().body("{\"title\": \"" + title + "\", \"markdown\": \"x\", \"tags\": [\"a\", \"b\"], "
                + "\"status\": \"draft\"}").post("/api/posts").then().statusCode(201).extract().path("slug");
        // a merge patch is held to the same types
        editorJson().contentType("application/merge-patch+json").body("{\"title\": 7}").patch("/api/posts/" + slug)
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        editor().get("/api/posts/" + slug).then().body("title", equalTo(title));
    }
}
