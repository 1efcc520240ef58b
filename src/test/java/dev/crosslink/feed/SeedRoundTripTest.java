package dev.crosslink.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.crosslink.Api;
import dev.crosslink.SeedFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.crosslink.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * CONTRACT section 7's promise: import seed-feed.xml, read /rss back with an independent parser
 * (ROME), and get the seed's items back, now without the seed's defects.
 */
@QuarkusTest
@TestProfile(SeedSiteProfile.class)
class SeedRoundTripTest {

    static byte[] seed() throws Exception {
        return SeedFeed.bytes();
    }

    static SyndFeed parse(byte[] xml) throws Exception {
        return SeedFeed.parse(xml);
    }

    private static void importSeedOnce() throws Exception {
        SeedFeed.importOnce();
    }

    @Test
    void rssGivesBackTheSeedsItems() throws Exception {
        importSeedOnce();
        SyndFeed seed = parse(seed());
        byte[] ours = anonymous().get("/rss").then().statusCode(200)
                .contentType("application/rss+xml; charset=UTF-8").extract().asByteArray();
        SyndFeed feed = parse(ours);

        assertThat(feed.getEntries()).hasSize(4);
        Map<String, SyndEntry> byGuid = feed.getEntries().stream().collect(Collectors.toMap(SyndEntry::getUri, Function.identity()));
        for (SyndEntry expected : seed.getEntries()) {
            SyndEntry actual = byGuid.get(expected.getUri());
            assertThat(actual).as("item with guid %s", expected.getUri()).isNotNull();
            assertThat(actual.getTitle()).isEqualTo(expected.getTitle());
            assertThat(actual.getLink()).isEqualTo(expected.getLink());
            assertThat(actual.getPublishedDate()).isEqualTo(expected.getPublishedDate());
            assertThat(actual.getAuthor()).isEqualTo(expected.getAuthor());
            assertThat(names(actual.getCategories())).isEqualTo(names(expected.getCategories()));
            assertThat(actual.getDescription().getValue()).isEqualTo(expected.getDescription().getValue());
        }
        assertThat(feed.getEntries().stream().map(SyndEntry::getTitle).toList())
                .as("newest first").isEqualTo(seed.getEntries().stream().map(SyndEntry::getTitle).toList());
    }

    @Test
    void contentKeepsItsStructureWithAbsoluteUrlsAndNoneOfTheSeedsDefects() throws Exception {
        importSeedOnce();
        byte[] ours = anonymous().get("/rss").then().extract().asByteArray();
        SyndFeed feed = parse(ours);
        SyndFeed seed = parse(seed());
        String all = "";
        for (SyndEntry entry : feed.getEntries()) {
            String html = entry.getContents().get(0).getValue();
            all += html;
            Document doc = Jsoup.parseBodyFragment(html);
            for (Element link : doc.select("[href], [src]")) {
                String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                assertThat(url).as("URL in %s", entry.getTitle()).matches("^(https?|mailto):.*");
            }
            assertThat(doc.select("blockquote").stream().filter(b -> b.text().isBlank()).toList())
                    .as("empty blockquotes in %s", entry.getTitle()).isEmpty();
            SyndEntry original = seed.getEntries().stream().filter(e -> e.getUri().equals(entry.getUri())).findFirst().orElseThrow();
            Document source = Jsoup.parseBodyFragment(original.getContents().get(0).getValue());
            // Every piece of the source's text is kept, the suspected template debris too (section 7):
            // the import report names it for an editor (importingTheSeedAgainChangesNothing).
            assertThat(doc.select("p").eachText()).as("paragraphs of %s", entry.getTitle())
                    .containsAll(source.select("p").eachText().stream().filter(t -> !t.isBlank()).toList());
            assertThat(doc.select("h2").eachText()).as("headings").isEqualTo(source.select("h2").eachText());
            assertThat(doc.select("li").size()).as("list items").isEqualTo(source.select("li").size());
            assertThat(doc.select("pre code").eachText()).as("code").isEqualTo(source.select("pre code").eachText());
            assertThat(doc.select("a").eachText()).as("link texts").isEqualTo(source.select("a").eachText());
            assertThat(doc.select("a").eachAttr("href")).as("links")
                    .isEqualTo(source.select("a").eachAttr("href").stream()
                            .map(h -> h.startsWith("/") ? "https://joc-thoughts.dev" + h : h).toList());
        }
        assertThat(all).contains("class=\"language-python\"").contains("class=\"language-ts\"");
        String xml = new String(ours, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain("xmlns:syndication");
        for (String prefix : List.of("content", "dc", "atom")) {
            assertThat(xml).contains("xmlns:" + prefix + "=").contains("<" + prefix + ":");
        }
    }

    @Test
    void importingAgainChangesNothing() throws Exception {
        importSeedOnce();
        String before = anonymous().get("/api/posts?size=100&include=html,markdown").then().extract().asString();
        Api.admin().contentType("application/rss+xml").body(seed()).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(4))
                .body("warnings.size()", equalTo(1))
                .body("warnings[0].guid", org.hamcrest.Matchers.containsString("incident-postmortem"))
                .body("warnings[0].message", org.hamcrest.Matchers.containsString("HealthReport:"));
        assertThat(anonymous().get("/api/posts?size=100&include=html,markdown").then().extract().asString()).isEqualTo(before);
    }

    @Test
    void importedPostsRecordTheirProvenanceAndCategories() throws Exception {
        importSeedOnce();
        anonymous().get("/api/posts/cs-philosophy-sample").then().statusCode(200)
                .body("source.kind", equalTo("import"))
                .body("source.feed", equalTo("https://joc-thoughts.dev/"))
                .body("source.guid", equalTo("https://joc-thoughts.dev/blog/cs-philosophy-sample"))
                .body("category.slug", equalTo("cs-philosophy"))
                .body("category.name", equalTo("CS & Philosophy"))
                .body("author", equalTo("Jocta Torres"))
                .body("publishedAt", equalTo("2025-04-18T00:00:00Z"))
                .body("tags.name", equalTo(List.of("language", "design", "taste")));
        anonymous().get("/api/categories/ml-ai").then().statusCode(200).body("name", equalTo("ML & AI"));
    }

    private static List<String> names(List<SyndCategory> categories) {
        return categories.stream().map(SyndCategory::getName).toList();
    }
}
