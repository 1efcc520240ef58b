package dev.crosslink.sitemap;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/** Past cms.sitemap.urls-per-file (2 here, 50,000 in production) the sitemap is an index of parts. */
@QuarkusTest
@TestProfile(SitemapIndexTest.TwoPerFile.class)
class SitemapIndexTest {

    public static class TwoPerFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.sitemap.urls-per-file", "2");
        }
    }

    @Test
    void theSitemapIsAnIndexOfPartsThatHoldEveryUrlOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            Api.publishedPost(Api.unique("Indexed"), "post " + i, Map.of());
        }
        byte[] index = anonymous().get("/sitemap.xml").then().statusCode(200).extract().asByteArray();
        assertThat(SitemapSchema.root(index)).isEqualTo("sitemapindex");
        List<String> parts = SitemapSchema.validLocs(index);
        assertThat(parts).hasSizeGreaterThanOrEqualTo(2).first().isEqualTo("http://localhost:8080/sitemap-1.xml");
        List<String> all = new java.util.ArrayList<>();
        for (int part = 1; part <= parts.size(); part++) {
            List<String> locs = SitemapSchema.validLocs(anonymous().get("/sitemap-" + part + ".xml").then().statusCode(200)
                    .extract().asByteArray());
            assertThat(locs).hasSizeBetween(1, 2);
            all.addAll(locs);
        }
        assertThat(all).doesNotHaveDuplicates();
        assertThat(all.stream().filter(l -> l.contains("/blog/indexed-"))).hasSizeGreaterThanOrEqualTo(3);
        anonymous().get("/sitemap-" + (parts.size() + 1) + ".xml").then().statusCode(404);
        anonymous().get("/sitemap-x.xml").then().statusCode(400);
    }
}
