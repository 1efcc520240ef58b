package dev.crosslink.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The OpenAPI document is what editors work from in Swagger UI: every operation must be usable there. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasSummaryIdAndProblemErrors() {
        JsonPath doc = anonymous().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/posts", "/api/posts/{slug}", "/api/categories", "/api/categories/{slug}",
                "/api/tags", "/api/tags/{slug}", "/api/tokens", "/api/tokens/{id}", "/api/admin/rerender", "/api/graph",
                "/api/graph/broken-links", "/api/posts/{slug}/links", "/api/import/rss");
        int secured = 0;
        java.util.Set<Object> operationIds = new java.util.HashSet<>();
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String where = operation.getKey() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                assertThat(op.get("summary")).as("summary of %s", where).isNotNull();
                assertThat(op.get("operationId")).as("operationId of %s", where).isNotNull();
                assertThat(operationIds.add(op.get("operationId"))).as("unique operationId of %s", where).isTrue();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                assertThat(responses.keySet()).as("responses of %s", where).anyMatch(s -> s.startsWith("2") || s.equals("301"));
                if (op.get("security") instanceof List<?> security && !security.isEmpty()) {
                    secured++;
                    assertThat(responses).as("auth errors of %s", where).containsKeys("401", "403");
                    assertThat(responses.get("401").toString()).contains("application/problem+json");
                }
                if (path.getKey().contains("{slug}")) {
                    assertThat(responses).as("404 of %s", where).containsKey("404");
                }
                if (op.containsKey("requestBody")) {
                    assertThat(responses).as("body errors of %s", where).containsKeys("400", "413", "415");
                }
            }
        }
        assertThat(secured).isGreaterThanOrEqualTo(13);
    }

    @Test
    void everyFeedIsItsOwnPathWithItsRealMediaType() {
        JsonPath doc = anonymous().accept("application/json").get("/q/openapi?format=json").then().extract().jsonPath();
        Map<String, String> types = Map.of("rss", "application/rss+xml", "atom", "application/atom+xml",
                "feed.json", "application/feed+json");
        types.forEach((feed, type) -> {
            for (String path : List.of("/" + feed, "/" + feed + "/categories/{slug}", "/" + feed + "/tags/{slug}")) {
                Map<String, Object> responses = doc.getMap("paths.'" + path + "'.get.responses");
                assertThat(responses).as(path).containsKeys("200", "304");
                assertThat(doc.getMap("paths.'" + path + "'.get.responses.'200'.content").keySet()).as(path)
                        .singleElement().asString().startsWith(type);
            }
        });
        assertThat(doc.getMap("paths").keySet()).noneMatch(p -> p.toString().contains("{format}"));
    }

    @Test
    void parametersAreTypedAndNullableFieldsSaySo() {
        JsonPath doc = anonymous().accept("application/json").get("/q/openapi?format=json").then().extract().jsonPath();
        List<Map<String, Object>> parameters = doc.getList("paths.'/api/posts'.get.parameters");
        Map<String, Map<String, Object>> schemas = new java.util.HashMap<>();
        for (Map<String, Object> p : parameters) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) p.get("schema");
            schemas.put((String) p.get("name"), schema);
        }
        assertThat(schemas.get("page")).containsEntry("type", "integer").containsEntry("minimum", 1);
        assertThat(schemas.get("size")).containsEntry("type", "integer").containsEntry("maximum", 100);
        assertThat(String.valueOf(schemas.get("sort").get("enum"))).contains("-publishedAt").contains("title");
        assertThat(String.valueOf(schemas.get("status").get("enum"))).isEqualTo("[draft, scheduled, published]");
        assertThat(doc.getString("paths.'/api/posts/{slug}/related'.get.parameters.find { it.name == 'limit' }.schema.type"))
                .isEqualTo("integer");
        assertThat(doc.getString("paths.'/api/graph'.get.parameters.find { it.name == 'depth' }.schema.type")).isEqualTo("integer");
        // null is a value these fields really take
        assertThat(doc.getList("components.schemas.Term.properties.description.type")).contains("null");
        assertThat(doc.getList("components.schemas.Post.properties.publishedAt.type")).contains("null");
    }

    @Test
    void inputSchemasCarryExamples() {
        JsonPath doc = anonymous().accept("application/json").get("/q/openapi?format=json").then().extract().jsonPath();
        assertThat(doc.getList("components.schemas.PostInput.properties.title.examples")).isNotEmpty();
        assertThat(doc.getList("components.schemas.PostInput.required")).contains("title", "markdown");
        assertThat(doc.getList("components.schemas.TermInput.properties.name.examples")).isNotEmpty();
    }

    @Test
    void mergePatchBodiesAreTypedWithEveryFieldOptional() {
        JsonPath doc = anonymous().accept("application/json").get("/q/openapi?format=json").then().extract().jsonPath();
        for (String path : List.of("/api/posts/{slug}", "/api/categories/{slug}", "/api/tags/{slug}")) {
            String ref = doc.getString("paths.'" + path + "'.patch.requestBody.content.'application/merge-patch+json'.schema.$ref");
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            String input = name.replace("Patch", "Input");
            assertThat(name).as(path).endsWith("Patch");
            assertThat(doc.getList("components.schemas." + name + ".required")).as(name).isNullOrEmpty();
            assertThat(doc.getMap("components.schemas." + name + ".properties").keySet()).as(name)
                    .isEqualTo(doc.getMap("components.schemas." + input + ".properties").keySet());
        }
        // null removes an optional field, so the patch schema allows it there and only there
        assertThat(doc.getString("components.schemas.PostPatch.properties.excerpt.anyOf[1].type")).isEqualTo("null");
        assertThat(doc.getString("components.schemas.PostPatch.properties.title.type")).isEqualTo("string");
    }

    @Test
    void everyListNamesItsPageAndNoSchemaIsUnused() {
        JsonPath doc = anonymous().accept("application/json").get("/q/openapi?format=json").then().extract().jsonPath();
        assertThat(doc.getString("paths.'/api/posts'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/PostPage");
        assertThat(doc.getString("paths.'/api/tags'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/TermPage");
        assertThat(doc.getList("components.schemas.PostPage.required")).contains("items", "totalItems");
        String text = anonymous().accept("application/json").get("/q/openapi?format=json").asString();
        for (Object schema : doc.getMap("components.schemas").keySet()) {
            assertThat(text).as("a reference to %s", schema).contains("\"#/components/schemas/" + schema + "\"");
        }
    }

    @Test
    void swaggerUiAndHealthAreServed() {
        anonymous().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }
}
