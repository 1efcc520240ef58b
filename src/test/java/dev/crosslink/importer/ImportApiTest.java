package dev.crosslink.importer;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.crosslink.Api.admin;
import static dev.crosslink.Api.anonymous;
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
}
