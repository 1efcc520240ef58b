package dev.crosslink.importer;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.admin;
import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ImportApiTest {

    private static String rss(String marker, String extraItem) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>t</title><link>https://example.org/</link><description>d</description>
                  <item><title>Imported %1$s</title><link>https://example.org/blog/%1$s</link>
                    <guid>urn:test:%1$s</guid><pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate>
                    <description>About %1$s.</description><dc:creator>Importer</dc:creator>
                    <category>Imported Things</category><category>one</category></item>
                  %2$s
                </channel></rss>
                """.formatted(marker, extraItem);
    }

    private static long postCount() {
        return Api.editor().get("/api/posts?size=1").then().extract().jsonPath().getLong("totalItems");
    }

    @Test
    void importsRssItemsAndIsIdempotent() {
        String marker = Api.unique("rss-item");
        admin().contentType("application/rss+xml").body(rss(marker, "<item><link>https://example.org/x</link></item>"))
                .post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(1)).body("skipped[0].reason", equalTo("no title"));
        anonymous().get("/api/posts/" + marker).then().statusCode(200)
                .body("title", equalTo("Imported " + marker)).body("excerpt", equalTo("About " + marker + "."))
                .body("author", equalTo("Importer")).body("category.slug", equalTo("imported-things"))
                .body("html", containsString("About " + marker)).body("source.guid", equalTo("urn:test:" + marker));
        admin().contentType("application/xml").body(rss(marker, "")).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(1));
        admin().contentType("application/rss+xml").body(rss(marker, "").replace("About " + marker, "Changed " + marker))
                .post("/api/import/rss").then().statusCode(200).body("updated", equalTo(1));
        anonymous().get("/api/posts/" + marker).then().body("excerpt", equalTo("Changed " + marker + "."));
    }

    @Test
    void importsAtom() {
        String marker = Api.unique("atom-entry");
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Atom source</title><link href="https://atom.example/"/><id>urn:feed</id><updated>2025-01-01T00:00:00Z</updated>
                  <entry><title>Atom %1$s</title><link rel="alternate" href="https://atom.example/posts/%1$s"/>
                    <id>urn:atom:%1$s</id><published>2025-01-02T03:04:05Z</published><updated>2025-01-03T00:00:00Z</updated>
                    <author><name>Atom Author</name></author><summary>Sum.</summary>
                    <content type="html">&lt;h2&gt;Head&lt;/h2&gt;&lt;p&gt;Para &lt;a href="/posts/x"&gt;link&lt;/a&gt;&lt;/p&gt;</content>
                    <category term="Atom Cat"/><category term="atag"/></entry>
                </feed>
                """.formatted(marker);
        admin().contentType("application/atom+xml").body(atom).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(1));
        anonymous().get("/api/posts/" + marker).then().statusCode(200)
                .body("author", equalTo("Atom Author")).body("publishedAt", equalTo("2025-01-02T03:04:05Z"))
                .body("html", containsString("<h2 id=\"head\">Head</h2>")).body("html", containsString("href=\"/posts/x\""))
                .body("tags[0].slug", equalTo("atag")).body("source.feed", equalTo("https://atom.example/"));
    }

    @Test
    void hostileXmlIsRejectedQuicklyAndWritesNothing() {
        long before = postCount();
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><item><title>&xxe;</title><link>https://e.org/blog/xxe</link>
                <pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate></item></channel></rss>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
                <rss version="2.0"><channel><item><title>&lol9;</title><link>https://e.org/blog/lol</link>
                <pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate></item></channel></rss>
                """;
        for (String hostile : new String[] {xxe, laughs, "<rss><channel><item>", "not xml at all", "<html></html>"}) {
            long start = System.nanoTime();
            admin().contentType("application/xml").body(hostile).post("/api/import/rss").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("cannot be imported"))
                    .body(org.hamcrest.Matchers.not(containsString("root:")));
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to reject").isLessThan(2000);
        }
        assertThat(postCount()).isEqualTo(before);
    }

    @Test
    void itemsThatCannotBecomePostsAreSkippedWithAReason() {
        String marker = Api.unique("skips");
        String longName = "n".repeat(201);
        String items = """
                <item><title>No date</title><link>https://example.org/blog/%1$s-a</link></item>
                <item><title>Long category</title><link>https://example.org/blog/%1$s-b</link>
                  <pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate><category>%2$s</category></item>
                <item><title>%3$s</title><link>https://example.org/blog/%1$s-c</link>
                  <pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate></item>
                """.formatted(marker, longName, "t".repeat(301));
        admin().contentType("application/rss+xml").body(rss(marker, items)).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(1)).body("skipped.size()", equalTo(3))
                .body("skipped[0].reason", containsString("publication date"))
                .body("skipped[1].reason", containsString("200 characters"))
                .body("skipped[2].reason", containsString("title"));
        anonymous().get("/api/posts/" + marker + "-b").then().statusCode(404);
    }

    @Test
    void onlyAdminsImport() {
        Api.editor().contentType("application/rss+xml").body(rss(Api.unique("no"), "")).post("/api/import/rss")
                .then().statusCode(403);
        anonymous().contentType("application/rss+xml").body(rss(Api.unique("no"), "")).post("/api/import/rss")
                .then().statusCode(401);
        admin().contentType("application/json").body(Map.of("a", 1)).post("/api/import/rss").then().statusCode(415);
    }

    private static String feed(String channelLink, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>%s</link><description>d</description>
                %s
                </channel></rss>
                """.formatted(channelLink, items);
    }

    private static String item(String slug, String guid, String title, String pubDate) {
        return "<item><title>" + title + "</title><link>https://example.org/blog/" + slug + "</link><guid>" + guid
                + "</guid><pubDate>" + pubDate + "</pubDate><description>Imported body.</description>"
                + "<category>Overwrite Attempts</category></item>";
    }

    @Test
    void anImportNeverWritesOverAPostItDidNotCreate() {
        String category = Api.category(Api.unique("Own category"));
        String draft = Api.editorJson().body(Map.of("title", "My secret draft", "markdown", "draft text",
                        "category", category, "tags", java.util.List.of("mine")))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        String published = Api.publishedPost("My published post", "original text", Map.of());
        String feed = feed("https://example.org/",
                item(draft, "https://example.org/blog/" + draft, "Hijacked draft", "Fri, 04 Apr 2025 10:00:00 GMT")
                + item(published, "urn:other:" + published, "Hijacked post", "Fri, 04 Apr 2025 10:00:00 GMT"));
        admin().contentType("application/rss+xml").body(feed).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("skipped.size()", equalTo(2))
                .body("skipped.reason", org.hamcrest.Matchers.everyItem(containsString("belongs to a post")));
        Api.editor().get("/api/posts/" + draft).then().statusCode(200).body("title", equalTo("My secret draft"))
                .body("status", equalTo("draft")).body("category.slug", equalTo(category))
                .body("tags.slug", org.hamcrest.Matchers.contains("mine")).body("source.kind", equalTo("api"));
        anonymous().get("/api/posts/" + published).then().statusCode(200).body("title", equalTo("My published post"))
                .body("markdown", equalTo("original text"));
    }

    @Test
    void onlyTheFeedThatCreatedAPostMayUpdateIt() {
        String slug = Api.unique("feed-owned");
        String guid = "urn:shared:" + slug;
        admin().contentType("application/rss+xml")
                .body(feed("https://first.example/", item(slug, guid, "First feed's title", "Fri, 04 Apr 2025 10:00:00 GMT")))
                .post("/api/import/rss").then().statusCode(200).body("created", equalTo(1));
        // another feed naming the same guid and slug is not the same source
        admin().contentType("application/rss+xml")
                .body(feed("https://second.example/", item(slug, guid, "Second feed's title", "Fri, 04 Apr 2025 10:00:00 GMT")))
                .post("/api/import/rss").then().statusCode(200).body("updated", equalTo(0))
                .body("skipped[0].reason", containsString("belongs to a post"));
        anonymous().get("/api/posts/" + slug).then().body("title", equalTo("First feed's title"))
                .body("source.feed", equalTo("https://first.example/"));
        admin().contentType("application/rss+xml")
                .body(feed("https://first.example/", item(slug, guid, "First feed, edited", "Fri, 04 Apr 2025 10:00:00 GMT")))
                .post("/api/import/rss").then().statusCode(200).body("updated", equalTo(1));
        anonymous().get("/api/posts/" + slug).then().body("title", equalTo("First feed, edited"));
    }

    @Test
    void nonWebUrlsNeverReachAFeedOrTheSource() {
        String slug = Api.unique("js-guid");
        String safe = Api.unique("urn-guid");
        String feed = feed("javascript:alert(document.domain)",
                item(slug, "javascript:alert(1)", "Script guid", "Fri, 04 Apr 2025 10:00:00 GMT")
                + item(slug + "-data", "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;", "Data guid", "Fri, 04 Apr 2025 10:00:00 GMT")
                + item(safe, "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", "URN guid", "Fri, 04 Apr 2025 10:00:00 GMT"))
                .replace("Overwrite Attempts", "Scheme " + safe);
        admin().contentType("application/rss+xml").body(feed).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(1)).body("skipped.size()", equalTo(2))
                .body("skipped.reason", org.hamcrest.Matchers.everyItem(containsString("guid")))
                .body("skipped.guid", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        anonymous().get("/api/posts/" + slug).then().statusCode(404);
        anonymous().get("/api/posts/" + safe).then().statusCode(200)
                .body("source.guid", equalTo("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
                .body("source.feed", org.hamcrest.Matchers.nullValue());
        for (String format : new String[]{"/rss", "/atom", "/feed.json"}) {
            String path = format + "/categories/scheme-" + safe;
            assertThat(anonymous().get(path).then().statusCode(200).extract().asString()).as(path)
                    .contains("URN guid").doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("data:text");
        }
        assertThat(anonymous().get("/rss/categories/scheme-" + safe).then().extract().asString())
                .contains("<guid isPermaLink=\"false\">urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</guid>");
    }

    @Test
    void datesOutsideTheYears1970To9999AreSkippedWithTheReason() {
        String before = Api.unique("year-zero");
        String after = Api.unique("year-huge");
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Dates</title><link href="https://dates.example/"/><id>urn:dates</id><updated>2025-01-01T00:00:00Z</updated>
                  <entry><title>Huge</title><link rel="alternate" href="https://dates.example/%1$s"/><id>urn:%1$s</id>
                    <updated>+300000000-01-01T00:00:00Z</updated><published>+300000000-01-01T00:00:00Z</published>
                    <content type="html">x</content></entry>
                  <entry><title>Before</title><link rel="alternate" href="https://dates.example/%2$s"/><id>urn:%2$s</id>
                    <updated>1969-12-31T23:59:59Z</updated><published>1969-12-31T23:59:59Z</published>
                    <content type="html">x</content></entry>
                </feed>
                """.formatted(after, before);
        admin().contentType("application/atom+xml").body(atom).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(0)).body("skipped.size()", equalTo(2));
        anonymous().get("/api/posts/" + after).then().statusCode(404);
        anonymous().get("/api/posts/" + before).then().statusCode(404);
        anonymous().get("/rss").then().statusCode(200);
    }

    /** Past FeedImporter.BATCH items the persistence context is cleared mid-import: nothing may be lost across it. */
    @Test
    void aLongFeedKeepsEveryItemsTermsAcrossBatchesAndReimportsAsUnchanged() {
        String run = Api.unique("long");
        int n = FeedImporter.BATCH * 2 + 7;
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            items.append("<item><title>Long ").append(i).append("</title><link>https://long.example/blog/").append(run)
                    .append("-").append(i).append("</link><pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate>")
                    .append("<category>").append(run).append(" cat ").append(i % 3).append("</category>")
                    .append("<category>").append(run).append("-shared</category>")
                    .append("<category>").append(run).append("-t").append(i % 7).append("</category>")
                    .append("<description>Item ").append(i).append(".</description></item>");
        }
        String document = feed("https://long.example/" + run, items.toString());
        admin().contentType("application/rss+xml").body(document).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(n)).body("skipped.size()", equalTo(0));
        anonymous().get("/api/posts?tag=" + run + "-shared&size=100").then().statusCode(200).body("totalItems", equalTo(n));
        anonymous().get("/api/posts?tag=" + run + "-t3&size=100").then().body("totalItems", equalTo((n - 3 + 6) / 7));
        anonymous().get("/api/posts/" + run + "-" + (n - 1)).then().statusCode(200)
                .body("category.name", equalTo(run + " cat " + ((n - 1) % 3)))
                .body("tags.slug", equalTo(List.of(run + "-shared", run + "-t" + ((n - 1) % 7))));
        admin().contentType("application/rss+xml").body(document).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(n));
        editor().get("/api/posts/" + run + "-" + FeedImporter.BATCH + "/revisions").then().body("totalItems", equalTo(1));
    }

    @Test
    void aFeedOverTheItemLimitIsRefusedWhole() {
        long before = postCount();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i <= FeedImporter.MAX_ITEMS; i++) {
            items.append("<item><title>n").append(i).append("</title><guid>urn:many:").append(i)
                    .append("</guid><pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate></item>");
        }
        admin().contentType("application/rss+xml").body(feed("https://many.example/", items.toString()))
                .post("/api/import/rss").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString(String.valueOf(FeedImporter.MAX_ITEMS)));
        assertThat(postCount()).isEqualTo(before);
    }

    /** The document ImporterFuzzTest found: the JDK's parser threw an unchecked exception on it (a 500 then). */
    @Test
    void aDocumentThatCrashesTheXmlParserIsA400AndWritesNothing() throws Exception {
        long before = postCount();
        byte[] document;
        try (var in = getClass().getResourceAsStream(
                "/dev/crosslink/importer/ImporterFuzzTestInputs/parsesOrRefusesAnyDocument/dtd-with-invalid-char")) {
            document = in.readAllBytes();
        }
        admin().contentType("application/rss+xml").body(document).post("/api/import/rss").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        assertThat(postCount()).isEqualTo(before);
    }
}
