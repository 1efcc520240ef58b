package dev.crosslink.feed;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feed readers render RSS {@code title}, {@code description} and {@code dc:creator} as HTML, so
 * whatever an editor types there must reach them as text: the feed is parsed with a real XML parser,
 * then each of those fields as HTML, and no element may appear (CONTRACT section 5).
 */
@QuarkusTest
class FeedMarkupTest {

    private static final String RSS_NS_DC = "http://purl.org/dc/elements/1.1/";

    @Test
    void plainTextNeverBecomesMarkupInRss() throws Exception {
        String category = Api.category(Api.unique("Markup"));
        String title = "T <img src=x onerror=alert(1)> & <b>bold</b>";
        String excerpt = "<script>alert(1)</script> and a <a href=\"javascript:x\">link</a>";
        String author = "<b onmouseover=\"alert(1)\">Mallory</b>";
        Api.publishedPost(title, "body", Map.of("category", category, "excerpt", excerpt, "author", author));

        Document rss = parse(anonymous().get("/rss/categories/" + category).then().statusCode(200)
                .extract().asByteArray());
        Element item = (Element) rss.getElementsByTagName("item").item(0);
        List<String> texts = new ArrayList<>();
        texts.add(text(item.getElementsByTagName("title")));
        texts.add(text(item.getElementsByTagName("description")));
        texts.add(text(item.getElementsByTagNameNS(RSS_NS_DC, "creator")));
        for (String field : texts) {
            var html = Jsoup.parseBodyFragment(field).body();
            assertThat(html.children()).as("HTML elements in %s", field).isEmpty();
        }
        // and a reader shows exactly what was typed
        assertThat(Jsoup.parseBodyFragment(texts.get(0)).body().text()).isEqualTo(title);
        assertThat(Jsoup.parseBodyFragment(texts.get(1)).body().text()).isEqualTo(excerpt);
        assertThat(Jsoup.parseBodyFragment(texts.get(2)).body().text()).isEqualTo(author);
    }

    @Test
    void noWriteCanMakeAFeedIllFormed() throws Exception {
        String category = Api.category(Api.unique("Controls"));
        for (String bad : new String[]{"\u0000", "\u0001", "\u0008", "\ufffe", "\ud800"}) {
            Api.editorJson().body(Map.of("title", "Controls", "markdown", "text " + bad + " here", "category", category,
                    "status", "published")).post("/api/posts").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("markdown"));
        }
        Api.publishedPost("Tab\tand 😀", "text with a tab\t, an emoji 😀 and <b>raw</b> &amp; HTML", Map.of("category", category));
        parse(anonymous().get("/rss/categories/" + category).then().statusCode(200).extract().asByteArray());
        parse(anonymous().get("/atom/categories/" + category).then().statusCode(200).extract().asByteArray());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(NodeList nodes) {
        assertThat(nodes.getLength()).isEqualTo(1);
        return nodes.item(0).getTextContent();
    }
}
