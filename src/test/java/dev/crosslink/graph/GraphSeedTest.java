package dev.crosslink.graph;

import com.rometools.rome.feed.synd.SyndEntry;
import dev.crosslink.SeedFeed;
import dev.crosslink.feed.SeedSiteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.crosslink.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/** The graph of the four seed posts, against links computed here from the seed's own hrefs. */
@QuarkusTest
@TestProfile(SeedSiteProfile.class)
class GraphSeedTest {

    /** "post:a -> post:b" for every /blog/ and /topics/ href in the seed, from the seed's HTML. */
    static Set<String> seedEdges() throws Exception {
        Set<String> edges = new TreeSet<>();
        for (SyndEntry entry : SeedFeed.parse(SeedFeed.bytes()).getEntries()) {
            String source = "post:" + lastSegment(entry.getLink());
            for (Element a : Jsoup.parseBodyFragment(entry.getContents().get(0).getValue()).select("a[href]")) {
                String href = a.attr("href");
                if (href.startsWith("/blog/")) {
                    edges.add(source + " -> post:" + lastSegment(href));
                } else if (href.startsWith("/topics/")) {
                    edges.add(source + " -> category:" + lastSegment(href));
                }
            }
        }
        return edges;
    }

    private static String lastSegment(String url) {
        String[] parts = url.split("/");
        return parts[parts.length - 1];
    }

    @Test
    void linksToEdgesAreExactlyTheSeedsLinks() throws Exception {
        SeedFeed.importOnce();
        JsonPath graph = anonymous().get("/api/graph?types=links_to").then().statusCode(200).extract().jsonPath();
        Set<String> actual = new TreeSet<>();
        for (Map<String, String> edge : graph.<Map<String, String>>getList("edges")) {
            assertThat(edge.get("type")).isEqualTo("links_to");
            actual.add(edge.get("source") + " -> " + edge.get("target"));
        }
        Set<String> expected = seedEdges();
        assertThat(expected).isNotEmpty().anyMatch(e -> e.contains("category:"));
        assertThat(actual).isEqualTo(expected);
        assertThat(graph.getList("nodes.id")).contains("post:cs-philosophy-sample", "category:cs-philosophy", "tag:raft");
    }

    @Test
    void backlinksOfCsPhilosophyAreThePostsThatLinkToIt() throws Exception {
        SeedFeed.importOnce();
        Set<String> expected = new HashSet<>();
        for (String edge : seedEdges()) {
            if (edge.endsWith(" -> post:cs-philosophy-sample")) {
                expected.add(edge.substring("post:".length(), edge.indexOf(" -> ")));
            }
        }
        List<String> actual = anonymous().get("/api/posts/cs-philosophy-sample/backlinks").then().statusCode(200)
                .extract().jsonPath().getList("slug");
        assertThat(new HashSet<>(actual)).isEqualTo(expected).hasSize(3);
        anonymous().get("/api/posts/cs-philosophy-sample/backlinks").then()
                .body("find { it.slug == 'ml-ai-sample' }.text", org.hamcrest.Matchers.equalTo("every other corner of engineering"))
                .body("find { it.slug == 'ml-ai-sample' }.url", org.hamcrest.Matchers.equalTo("https://joc-thoughts.dev/blog/ml-ai-sample"));
    }

    @Test
    void topicLinksResolveToCategories() throws Exception {
        SeedFeed.importOnce();
        JsonPath links = anonymous().get("/api/posts/ml-ai-sample/links").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = links.getList("$");
        assertThat(all).isNotEmpty().allMatch(l -> l.get("kind").equals("internal") && l.get("broken").equals(false));
        Map<String, Object> topic = all.stream().filter(l -> l.get("href").equals("/topics/ml-ai")).findFirst().orElseThrow();
        assertThat(topic.get("target")).isEqualTo(Map.of("type", "category", "slug", "ml-ai", "title", "ML & AI"));
        Map<String, Object> post = all.stream().filter(l -> l.get("href").equals("/blog/cs-philosophy-sample")).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) post.get("target")).get("type")).isEqualTo("post");
        anonymous().get("/api/graph?types=in_category").then().statusCode(200)
                .body("edges.find { it.source == 'post:ml-ai-sample' }.target", org.hamcrest.Matchers.equalTo("category:ml-ai"));
    }
}
