package dev.crosslink.sitemap;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /sitemap.xml through HTTP (CONTRACT section 12), validated against the sitemaps.org schema. */
@QuarkusTest
class SitemapTest {

    @Test
    void listsPublicPostsAndTheTermsTheyUseAndNothingPrivate() throws Exception {
        String category = Api.category(Api.unique("Mapped"));
        String tag = Api.unique("mapped-tag");
        String post = Api.publishedPost(Api.unique("Mapped post"), "public", Map.of("category", category, "tags", List.of(tag)));
        String draftOnly = Api.unique("draft-only-tag");
        String draft = editorJson().body(Map.of("title", Api.unique("Hidden"), "markdown", "x", "tags", List.of(draftOnly)))
                .post("/api/posts").then().statusCode(201).extract().path("slug");

        var answer = anonymous().get("/sitemap.xml").then().statusCode(200).contentType("application/xml").extract();
        List<String> locs = SitemapSchema.validLocs(answer.asByteArray());
        assertThat(SitemapSchema.root(answer.asByteArray())).isEqualTo("urlset");
        assertThat(locs).contains("http://localhost:8080/blog/" + post, "http://localhost:8080/topics/" + category,
                "http://localhost:8080/tags/" + tag);
        assertThat(locs).noneMatch(l -> l.endsWith("/" + draft) || l.endsWith("/" + draftOnly));
        assertThat(new String(answer.asByteArray())).contains("<lastmod>");

        String etag = answer.header("ETag");
        anonymous().header("If-None-Match", etag).get("/sitemap.xml").then().statusCode(304);
        // a new public post is a new sitemap, at once
        String later = Api.publishedPost(Api.unique("Later"), "more", Map.of());
        assertThat(SitemapSchema.validLocs(anonymous().get("/sitemap.xml").then().statusCode(200).extract().asByteArray()))
                .contains("http://localhost:8080/blog/" + later);
        anonymous().get("/sitemap-1.xml").then().statusCode(404); // no parts while everything fits one file
    }
}
