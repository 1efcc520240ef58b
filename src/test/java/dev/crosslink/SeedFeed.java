package dev.crosslink;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import static dev.crosslink.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;

/** The seed feed (shared/seed-feed.xml, copied into test resources) and importing it once per test app. */
public final class SeedFeed {

    private SeedFeed() {
    }

    public static byte[] bytes() throws Exception {
        try (InputStream in = SeedFeed.class.getResourceAsStream("/seed-feed.xml")) {
            return in.readAllBytes();
        }
    }

    public static SyndFeed parse(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
    }

    public static synchronized void importOnce() throws Exception {
        if (anonymous().get("/api/posts/cs-philosophy-sample").statusCode() == 200) {
            return;
        }
        Api.admin().contentType("application/rss+xml").body(bytes()).post("/api/import/rss").then().statusCode(200)
                .body("created", equalTo(4)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("skipped.size()", equalTo(0));
    }
}
