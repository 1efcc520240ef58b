package dev.crosslink.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Feeds through HTTP. Each test works in a category of its own, so posts of other tests never interfere. */
@QuarkusTest
class FeedApiTest {

    @Inject
    FeedService feeds;

    private static SyndFeed rss(String path) throws Exception {
        return SeedRoundTripTest.parse(anonymous().get(path).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void categoryAndTagFeedsHoldOnlyTheirPostsNewestFirst() throws Exception {
        String category = Api.category(Api.unique("Feeds"));
        String tag = Api.unique("feedtag");
        Api.publishedPost("Older", "older", Map.of("category", category, "publishedAt", "2024-01-01T00:00:00Z", "tags", List.of(tag)));
        Api.publishedPost("Newer", "newer", Map.of("category", category, "publishedAt", "2024-02-01T00:00:00Z"));
        Api.publishedPost("Elsewhere", "x", Map.of("tags", List.of(tag), "publishedAt", "2023-01-01T00:00:00Z"));

        SyndFeed byCategory = rss("/rss/categories/" + category);
        assertThat(byCategory.getEntries().stream().map(SyndEntry::getTitle).toList()).containsExactly("Newer", "Older");
        assertThat(byCategory.getTitle()).endsWith(byCategory.getEntries().get(0).getCategories().get(0).getName());
        SyndFeed byTag = rss("/rss/tags/" + tag);
        assertThat(byTag.getEntries().stream().map(SyndEntry::getTitle).toList()).containsExactly("Older", "Elsewhere");

        anonymous().get("/rss/categories/no-such-category").then().statusCode(404).contentType("application/problem+json");
        anonymous().get("/rss/tags/no-such-tag").then().statusCode(404).contentType("application/problem+json");
        anonymous().get("/atom/categories/no-such-category").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rssChannelHasTheSeedsShape() throws Exception {
        String category = Api.category(Api.unique("Shape"));
        String slug = Api.publishedPost("Shaped", "See [the other post](/blog/other) and ![pic](/img/a.png).",
                Map.of("category", category, "tags", List.of("alpha", "beta"), "author", "Ada", "excerpt", "The excerpt."));
        String path = "/rss/categories/" + category;
        String xml = anonymous().get(path).then().statusCode(200)
                .contentType("application/rss+xml; charset=UTF-8")
                .header("ETag", notNullValue()).header("Last-Modified", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=300"))
                .extract().asString();
        assertThat(xml).contains("<atom:link href=\"http://localhost:8080" + path + "\" rel=\"self\" type=\"application/rss+xml\"")
                .contains("<lastBuildDate>").contains("<language>en-us</language>")
                .contains("<guid isPermaLink=\"true\">http://localhost:8080/blog/" + slug + "</guid>")
                .contains("<dc:creator><![CDATA[Ada]]></dc:creator>")
                .contains("<content:encoded><![CDATA[")
                .contains("href=\"http://localhost:8080/blog/other\"").contains("src=\"http://localhost:8080/img/a.png\"")
                .contains("<description>The excerpt.</description>")
                .containsPattern("<pubDate>\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT</pubDate>");
        SyndEntry entry = rss(path).getEntries().get(0);
        assertThat(entry.getCategories().stream().map(c -> c.getName()).toList())
                .containsExactly(anonymous().get("/api/categories/" + category).then().extract().path("name"), "alpha", "beta");
    }

    @Test
    void cdataEndInsideContentSurvives() throws Exception {
        String category = Api.category(Api.unique("Cdata"));
        Api.publishedPost("Tricky", "Here: `a]]>b` and ]]> again.", Map.of("category", category));
        String content = rss("/rss/categories/" + category).getEntries().get(0).getContents().get(0).getValue();
        assertThat(content).contains("<code>a]]&gt;b</code>").contains("]]&gt; again");
    }

    @Test
    void draftsAndFuturePostsStayOutAndScheduledPostsComeInOnTime() throws Exception {
        String category = Api.category(Api.unique("Timing"));
        editorJson().body(Map.of("title", "Draft", "markdown", "d", "category", category)).post("/api/posts").then().statusCode(201);
        Api.publishedPost("Far future", "f", Map.of("category", category, "publishedAt", Instant.now().plusSeconds(86400).toString()));
        Instant soon = Instant.now().plusSeconds(2);
        editorJson().body(Map.of("title", "Soon", "markdown", "s", "category", category, "status", "scheduled",
                "publishedAt", soon.toString())).post("/api/posts").then().statusCode(201);
        Api.publishedPost("Now", "n", Map.of("category", category));

        String path = "/rss/categories/" + category;
        assertThat(rss(path).getEntries().stream().map(SyndEntry::getTitle).toList()).containsExactly("Now");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), soon).toMillis() + 300));
        assertThat(rss(path).getEntries().stream().map(SyndEntry::getTitle).toList()).containsExactly("Soon", "Now");
    }

    @Test
    void conditionalPollsGet304AndDoNotRebuildTheFeed() {
        String category = Api.category(Api.unique("Polls"));
        Api.publishedPost("Polled", "p", Map.of("category", category));
        String path = "/rss/categories/" + category;
        var first = anonymous().get(path).then().statusCode(200).extract();
        long builds = feeds.builds();
        anonymous().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(304);
        anonymous().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);
        anonymous().get(path).then().statusCode(200).header("ETag", first.header("ETag"));
        assertThat(feeds.builds()).as("polls answered from the cached document").isEqualTo(builds);
    }

    @Test
    void updatesAndDeletesShowInTheNextRequest() throws Exception {
        String category = Api.category(Api.unique("Live"));
        String slug = Api.publishedPost("Before", "b", Map.of("category", category));
        String path = "/rss/categories/" + category;
        String etag = anonymous().get(path).then().extract().header("ETag");
        editor().contentType("application/merge-patch+json").body(Map.of("title", "After")).patch("/api/posts/" + slug)
                .then().statusCode(200);
        assertThat(rss(path).getEntries().get(0).getTitle()).isEqualTo("After");
        anonymous().header("If-None-Match", etag).get(path).then().statusCode(200);
        editor().delete("/api/posts/" + slug).then().statusCode(204);
        assertThat(rss(path).getEntries()).isEmpty();
        String empty = anonymous().get(path).then().header("ETag", notNullValue()).header("Last-Modified", notNullValue())
                .extract().asString();
        assertThat(empty).as("no item, so content: and dc: are unused and undeclared")
                .doesNotContain("xmlns:content").doesNotContain("xmlns:dc").contains("xmlns:atom");
    }

    @Test
    void guidStaysTheSameWhenTheSlugChanges() throws Exception {
        String category = Api.category(Api.unique("Guids"));
        String slug = Api.publishedPost("Renamed later", "r", Map.of("category", category));
        String path = "/rss/categories/" + category;
        SyndEntry before = rss(path).getEntries().get(0);
        editor().contentType("application/merge-patch+json").body(Map.of("slug", slug + "-new"))
                .patch("/api/posts/" + slug).then().statusCode(200);
        SyndEntry after = rss(path).getEntries().get(0);
        assertThat(after.getUri()).isEqualTo(before.getUri()).isEqualTo("http://localhost:8080/blog/" + slug);
        assertThat(after.getLink()).isEqualTo("http://localhost:8080/blog/" + slug + "-new");
    }

    @Test
    void atomCarriesTheSameItems() throws Exception {
        String category = Api.category(Api.unique("Atom"));
        String slug = Api.publishedPost("In Atom", "Body with [a link](/blog/x).", Map.of("category", category, "tags", List.of("t1")));
        byte[] atom = anonymous().get("/atom/categories/" + category).then().statusCode(200)
                .contentType("application/atom+xml; charset=UTF-8").header("ETag", notNullValue()).extract().asByteArray();
        SyndFeed feed = SeedRoundTripTest.parse(atom);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("In Atom");
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/blog/" + slug);
        assertThat(entry.getUri()).isEqualTo("http://localhost:8080/blog/" + slug);
        assertThat(entry.getContents().get(0).getValue()).contains("href=\"http://localhost:8080/blog/x\"");
        assertThat(entry.getCategories()).hasSize(2);
        assertThat(entry.getPublishedDate()).isNotNull();
    }

    @Test
    void jsonFeedHasItsRequiredFields() throws Exception {
        String category = Api.category(Api.unique("Json"));
        String slug = Api.publishedPost("In JSON", "Body.", Map.of("category", category, "author", "Grace"));
        String body = anonymous().get("/feed.json/categories/" + category).then().statusCode(200)
                .contentType("application/feed+json; charset=UTF-8").extract().asString();
        JsonNode feed = new ObjectMapper().readTree(body);
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asText()).isNotBlank();
        assertThat(feed.path("feed_url").asText()).isEqualTo("http://localhost:8080/feed.json/categories/" + category);
        JsonNode item = feed.path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo("http://localhost:8080/blog/" + slug);
        assertThat(item.path("url").asText()).isEqualTo("http://localhost:8080/blog/" + slug);
        assertThat(item.path("content_html").asText()).contains("<p>Body.</p>");
        assertThat(item.path("authors").get(0).path("name").asText()).isEqualTo("Grace");
        assertThat(Instant.parse(item.path("date_published").asText())).isNotNull();
    }

    @Test
    void siteFeedsAreServed() {
        anonymous().get("/rss").then().statusCode(200).contentType("application/rss+xml; charset=UTF-8");
        anonymous().get("/atom").then().statusCode(200).contentType("application/atom+xml; charset=UTF-8");
        anonymous().get("/feed.json").then().statusCode(200).contentType("application/feed+json; charset=UTF-8")
                .body("version", equalTo("https://jsonfeed.org/version/1.1"));
    }
}
