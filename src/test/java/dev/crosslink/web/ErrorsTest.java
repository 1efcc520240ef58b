package dev.crosslink.web;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Every error, ours or the framework's, is problem+json with the right status and no internals. */
@QuarkusTest
class ErrorsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void unknownPathIs404Problem() {
        anonymous().get("/api/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("title", equalTo("Not Found"));
    }

    @Test
    void wrongMethodIs405Problem() {
        anonymous().delete("/api/posts").then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
    }

    @Test
    void malformedJsonIs400ProblemWithoutInternals() {
        editor().contentType(ContentType.JSON).body("{\"title\": ").post("/api/posts").then()
                .statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("not valid JSON"))
                .body(not(containsString("at com.fasterxml"))).body(not(containsString("Exception")));
    }

    @Test
    void wrongJsonShapeNamesTheField() {
        editor().contentType(ContentType.JSON).body("{\"title\": [1], \"markdown\": \"m\"}").post("/api/posts").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("title"));
    }

    @Test
    void emptyBodyIs400() {
        editor().contentType(ContentType.JSON).post("/api/posts").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        editor().contentType(ContentType.TEXT).body("title=x").post("/api/posts").then()
                .statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void unacceptableAcceptIs406Problem() {
        anonymous().accept("text/html").get("/api/posts").then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void bodyOverTheLimitIs413ProblemAndChangesNothing() {
        long before = editor().get("/api/posts?size=1").then().extract().jsonPath().getLong("totalItems");
        String huge = "{\"title\":\"big\",\"markdown\":\"" + "a".repeat(4 * 1024 * 1024 + 10) + "\"}";
        editor().contentType(ContentType.JSON).body(huge).post("/api/posts").then()
                .statusCode(413).contentType(PROBLEM).body("status", equalTo(413))
                .body("detail", org.hamcrest.Matchers.startsWith("The declared request body"));
        long after = editor().get("/api/posts?size=1").then().extract().jsonPath().getLong("totalItems");
        org.junit.jupiter.api.Assertions.assertEquals(before, after);
    }

    @Test
    void chunkedBodyOverTheLimitIs413ProblemToo() throws Exception {
        long before = editor().get("/api/posts?size=1").then().extract().jsonPath().getLong("totalItems");
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        for (int size : new int[] {4 * 1024 * 1024 + 10, 6 * 1024 * 1024}) {
            byte[] json = ("{\"title\":\"big\",\"markdown\":\"" + "a".repeat(size) + "\"}").getBytes();
            // A body of unknown length goes out with Transfer-Encoding: chunked: no Content-Length warns us.
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/posts"))
                    .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(json)))
                    .build();
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode());
            org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            org.assertj.core.api.Assertions.assertThat(response.body()).contains("\"status\":413")
                    .contains("The request body is larger");
        }
        org.junit.jupiter.api.Assertions.assertEquals(before,
                editor().get("/api/posts?size=1").then().extract().jsonPath().getLong("totalItems"));
    }

    @Test
    void markdownOverItsLimitIs400() {
        editor().contentType(ContentType.JSON).body(Map.of("title", "long", "markdown", "a".repeat(dev.crosslink.post.PostInput.MAX_MARKDOWN + 1)))
                .post("/api/posts").then().statusCode(400).body("errors[0].field", equalTo("markdown"));
    }

    @Test
    void badQueryParametersAre400NamingThem() {
        anonymous().get("/api/posts?page=0").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        anonymous().get("/api/posts?size=101").then().statusCode(400).body("errors[0].field", equalTo("size"));
        anonymous().get("/api/posts?size=abc").then().statusCode(400).body("errors[0].field", equalTo("size"));
        anonymous().get("/api/posts?sort=random").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        anonymous().get("/api/posts?tag=Not%20A%20Slug").then().statusCode(400).body("errors[0].field", equalTo("tag"));
        anonymous().get("/api/categories?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void pathThatIsNotASlugIs404() {
        anonymous().get("/api/posts/..%2F..%2Fetc%2Fpasswd").then().statusCode(404).contentType(PROBLEM);
        anonymous().get("/api/posts/UPPER").then().statusCode(404).contentType(PROBLEM);
        anonymous().get("/api/categories/" + "a".repeat(300)).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unknownTokenIdIs404() {
        Api.admin().delete("/api/tokens/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        Api.admin().delete("/api/tokens/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }
}
