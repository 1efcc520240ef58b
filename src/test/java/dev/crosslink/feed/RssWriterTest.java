package dev.crosslink.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RssWriterTest {

    private final RssWriter writer = new RssWriter();

    private static FeedChannel channel(List<FeedItem> items) {
        return new FeedChannel("Site & Co", "https://example.org/", "About <things>", "en-us",
                "https://example.org/rss", Instant.parse("2025-04-26T00:00:00Z"), items);
    }

    private static FeedItem item(String content) {
        return new FeedItem("A <title> & more", "https://example.org/blog/a", "https://example.org/blog/a",
                Instant.parse("2025-04-26T00:00:00Z"), Instant.parse("2025-04-27T00:00:00Z"), "Excerpt & co",
                "Jo ]]> Doe", content, List.of("Distributed Systems", "raft"));
    }

    @Test
    void aHubIsNamedInEveryFormatAndOnlyWhenThereIsOne() throws Exception {
        FeedChannel plain = channel(List.of());
        FeedChannel hubbed = new FeedChannel(plain.title(), plain.link(), plain.description(), plain.language(),
                plain.selfUrl(), plain.updated(), plain.items(), "https://hub.example/");
        String rss = new String(writer.write(hubbed), StandardCharsets.UTF_8);
        assertThat(rss).contains("<atom:link href=\"https://hub.example/\" rel=\"hub\"/>")
                .contains("<atom:link href=\"https://example.org/rss\" rel=\"self\"");
        SeedRoundTripTest.parse(rss.getBytes(StandardCharsets.UTF_8)); // still a valid feed
        assertThat(new String(new AtomWriter().write(hubbed), StandardCharsets.UTF_8))
                .contains("<link rel=\"hub\" href=\"https://hub.example/\"/>");
        assertThat(new String(new JsonFeedWriter(new com.fasterxml.jackson.databind.ObjectMapper()).write(hubbed),
                StandardCharsets.UTF_8)).contains("\"hubs\":[{\"type\":\"WebSub\",\"url\":\"https://hub.example/\"}]");
        assertThat(new String(writer.write(plain), StandardCharsets.UTF_8)).doesNotContain("rel=\"hub\"");
    }

    @Test
    void cdataEndIsSplitAcrossSections() throws Exception {
        String content = "<p>before ]]> middle ]]]]> end</p>";
        byte[] xml = writer.write(channel(List.of(item(content))));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<![CDATA[<p>before ]]]]><![CDATA[> middle");
        SyndFeed parsed = SeedRoundTripTest.parse(xml);
        assertThat(parsed.getEntries().get(0).getContents().get(0).getValue()).isEqualTo(content);
        // dc:creator is HTML text for a reader: escaped, and shown as typed
        assertThat(parsed.getEntries().get(0).getAuthor()).isEqualTo("Jo ]]&gt; Doe");
        assertThat(Jsoup.parseBodyFragment(parsed.getEntries().get(0).getAuthor()).text()).isEqualTo("Jo ]]> Doe");
    }

    @Test
    void writesTheSeedShapeWithEscapedText() throws Exception {
        String text = new String(writer.write(channel(List.of(item("<p>x</p>")))), StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<title>Site &amp;amp; Co</title>")
                .contains("<description>About &amp;lt;things&amp;gt;</description>")
                .contains("<title>A &amp;lt;title&amp;gt; &amp;amp; more</title>")
                .contains("<description>Excerpt &amp;amp; co</description>")
                .contains("<lastBuildDate>Sat, 26 Apr 2025 00:00:00 GMT</lastBuildDate>")
                .contains("<atom:link href=\"https://example.org/rss\" rel=\"self\" type=\"application/rss+xml\"")
                .contains("<pubDate>Sat, 26 Apr 2025 00:00:00 GMT</pubDate>")
                .contains("<guid isPermaLink=\"true\">https://example.org/blog/a</guid>")
                .contains("<category>Distributed Systems</category>").contains("<category>raft</category>");
        assertThat(text.indexOf("<category>Distributed Systems")).isLessThan(text.indexOf("<category>raft"));
    }

    @Test
    void onlyAWebUrlGuidIsAPermalink() {
        FeedItem urn = new FeedItem("t", "https://example.org/blog/a", "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                Instant.parse("2025-04-26T00:00:00Z"), Instant.parse("2025-04-26T00:00:00Z"), "s", "a", "<p/>", List.of());
        String text = new String(writer.write(channel(List.of(urn))), StandardCharsets.UTF_8);
        assertThat(text).contains("<guid isPermaLink=\"false\">urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</guid>");
    }

    @Test
    void declaresOnlyNamespacesInUse() {
        String empty = new String(writer.write(channel(List.of())), StandardCharsets.UTF_8);
        assertThat(empty).contains("xmlns:atom").doesNotContain("xmlns:content").doesNotContain("xmlns:dc");
        String full = new String(writer.write(channel(List.of(item("<p/>")))), StandardCharsets.UTF_8);
        assertThat(full).contains("xmlns:content").contains("<content:encoded>").contains("xmlns:dc").contains("<dc:creator>");
    }

    @Test
    void relativeUrlsBecomeAbsolute() {
        String html = AbsoluteLinks.resolve("<p><a href=\"/blog/x\">x</a> <img src=\"img/a.png\"> "
                + "<a href=\"https://other.org/y\">y</a> <a href=\"#top\">t</a></p>", "https://example.org/");
        assertThat(html).contains("href=\"https://example.org/blog/x\"").contains("src=\"https://example.org/img/a.png\"")
                .contains("href=\"https://other.org/y\"").contains("href=\"https://example.org/#top\"");
    }
}
