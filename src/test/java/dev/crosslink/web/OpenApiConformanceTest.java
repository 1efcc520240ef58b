package dev.crosslink.web;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import dev.crosslink.Api;
import dev.crosslink.OpenApiConformance;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance filter on every API test is only worth something if it refuses what is outside
 * the document: these feed it answers the server must never give, and one it does give.
 */
@QuarkusTest
class OpenApiConformanceTest {

    private static final String JSON = "application/json";

    @Test
    void aBodyOutsideItsSchemaIsReported() {
        OpenApiConformance check = OpenApiConformance.filter();
        assertThat(check.bodyErrors("/api/posts/some-post", "GET", 200, JSON, "{\"slug\": 5, \"title\": [\"x\"]}"))
                .anyMatch(e -> e.contains("slug")).anyMatch(e -> e.contains("title"));
        assertThat(check.bodyErrors("/api/tags", "GET", 200, JSON, "{\"items\": \"none\"}")).isNotEmpty();
        assertThat(check.bodyErrors("/api/tags/x", "GET", 404, "application/problem+json", "{\"status\": \"404\"}"))
                .as("a problem whose status is a string").isNotEmpty();
        // null only where the schema allows it
        assertThat(check.bodyErrors("/api/tags/x", "GET", 200, JSON, "{\"slug\": \"x\", \"name\": null}")).isNotEmpty();
    }

    @Test
    void anUndocumentedStatusIsReported() {
        var report = OpenApiConformance.filter().operations().validateResponse("/api/posts", Request.Method.GET,
                SimpleResponse.Builder.status(418).withContentType(JSON).withBody("{}").build());
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void realAnswersAreWithinTheirSchemas() {
        String slug = Api.publishedPost(Api.unique("Conformance"), "Hello [world](https://example.com).", Map.of());
        String body = Api.anonymous().get("/api/posts/" + slug).then().statusCode(200).extract().asString();
        assertThat(OpenApiConformance.filter().bodyErrors("/api/posts/" + slug, "GET", 200, JSON, body)).isEmpty();
        String list = Api.anonymous().get("/api/posts").then().statusCode(200).extract().asString();
        assertThat(OpenApiConformance.filter().bodyErrors("/api/posts", "GET", 200, JSON, list)).isEmpty();
    }
}
