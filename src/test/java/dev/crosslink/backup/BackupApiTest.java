package dev.crosslink.backup;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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

/**
 * CONTRACT section 12 on the test site, which is never empty: what an export holds, who may take
 * one, and a restore refused. The round trip into an empty database is BackupRoundTripIT.
 */
@QuarkusTest
class BackupApiTest {

    @Test
    void anExportHoldsPostsWithTheirHistoryFormerSlugsAndProvenance() {
        String category = Api.category(Api.unique("Backups"));
        String slug = Api.publishedPost(Api.unique("Exported"), "First [words](https://example.org).",
                Map.of("category", category, "tags", List.of("exported-tag")));
        String renamed = Api.unique("exported-renamed");
        editor().contentType("application/merge-patch+json").body(Map.of("slug", renamed, "markdown", "Second words."))
                .patch("/api/posts/" + slug).then().statusCode(200);
        String draft = editorJson().body(Map.of("title", Api.unique("Exported draft"), "markdown", "Not public."))
                .post("/api/posts").then().statusCode(201).extract().path("slug");

        var response = admin().get("/api/export").then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", containsString("attachment; filename=\"crosslink-export-")).extract();
        JsonPath export = JsonPath.from(response.asString());
        assertThat(export.getString("format")).isEqualTo("crosslink-export");
        assertThat(export.getInt("version")).isEqualTo(2);
        assertThat(export.getList("webhooks")).isNotNull();
        Map<String, Object> post = export.getMap("posts.find { it.slug == '" + renamed + "' }");
        assertThat(post).containsEntry("markdown", "Second words.").containsEntry("category", category)
                .containsEntry("tags", List.of("exported-tag")).containsEntry("status", "published")
                .containsEntry("source", Map.of("kind", "api")).containsEntry("createdBy", "test-editor")
                .containsEntry("version", 1).doesNotContainKey("html");
        assertThat(export.getList("posts.find { it.slug == '" + renamed + "' }.formerSlugs.slug")).containsExactly(slug);
        assertThat(export.getList("posts.find { it.slug == '" + renamed + "' }.revisions.markdown"))
                .containsExactly("First [words](https://example.org).", "Second words.");
        assertThat(export.getList("posts.find { it.slug == '" + renamed + "' }.revisions.slug")).containsExactly(slug, renamed);
        assertThat(export.getString("posts.find { it.slug == '" + draft + "' }.status")).isEqualTo("draft");
        assertThat(export.getString("categories.find { it.slug == '" + category + "' }.name"))
                .isEqualTo(anonymous().get("/api/categories/" + category).then().extract().path("name"));
        assertThat(export.getString("categories.find { it.slug == '" + category + "' }.id")).isNotBlank();
        assertThat(export.getBoolean("tags.find { it.slug == 'exported-tag' }.listed")).isFalse();
        // ids ascend, so an export is the same document for the same site
        List<String> ids = export.getList("posts.id", String.class);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(response.asString()).doesNotContain("token_hash", "whsec_", Api.ADMIN_TOKEN);
    }

    @Test
    void onlyAnAdminExportsOrRestores() {
        anonymous().get("/api/export").then().statusCode(401).contentType("application/problem+json");
        editor().get("/api/export").then().statusCode(403).contentType("application/problem+json");
        anonymous().contentType(ContentType.JSON).body("{}").post("/api/restore").then().statusCode(401);
        editorJson().body("{}").post("/api/restore").then().statusCode(403);
    }

    @Test
    void aSiteWithContentRefusesARestoreAndKeepsItsContent() {
        String slug = Api.publishedPost(Api.unique("Kept"), "Kept as it was.", Map.of());
        String before = anonymous().get("/api/posts/" + slug).then().statusCode(200).extract().header("ETag");
        String document = admin().get("/api/export").then().statusCode(200).extract().asString();
        // larger than any other body may be: the restore has a limit of its own (cms.limits.restore-size)
        String large = document.replaceFirst("\"posts\":\\[", "\"posts\":[" + "{}, ".repeat(1_500_000));
        assertThat(large.length()).isGreaterThan(4 << 20);
        admin().contentType(ContentType.JSON).body(document).post("/api/restore").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("not empty"));
        // without the OpenAPI filter, which would validate 6 MB of request against its schema for minutes
        RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).contentType(ContentType.JSON).body(large)
                .post("/api/restore").then().statusCode(409).contentType("application/problem+json");
        anonymous().get("/api/posts/" + slug).then().statusCode(200).header("ETag", equalTo(before));
        admin().contentType(ContentType.TEXT).body("x").post("/api/restore").then().statusCode(415);
    }
}
