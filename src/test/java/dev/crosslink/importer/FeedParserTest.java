package dev.crosslink.importer;

import dev.crosslink.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private FeedParser.ParsedFeed parse(String xml) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSeedFeed() throws Exception {
        byte[] seed = getClass().getResourceAsStream("/seed-feed.xml").readAllBytes();
        FeedParser.ParsedFeed feed = parser.parse(seed);
        assertThat(feed.link()).isEqualTo("https://joc-thoughts.dev/");
        assertThat(feed.items()).hasSize(4);
        FeedParser.ParsedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("The Shape of a Good Incident Postmortem");
        assertThat(first.guid()).isEqualTo("https://joc-thoughts.dev/blog/the-shape-of-a-good-incident-postmortem");
        assertThat(first.published()).isEqualTo(Instant.parse("2025-04-26T00:00:00Z"));
        assertThat(first.author()).isEqualTo("Jocta Torres");
        assertThat(first.categories()).containsExactly("Distributed Systems", "reliability", "operations", "writing", "postmortems");
        assertThat(first.html()).startsWith("<p>Most engineering organizations");
        assertThat(FeedImporter.slugOf(first)).isEqualTo("the-shape-of-a-good-incident-postmortem");
    }

    @Test
    void refusesDoctypesSoNoEntityIsEverExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel>"
                + "<item><title>&x;</title></item></channel></rss>";
        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400))
                .hasMessageNotContaining("root:");
        String internal = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss>&b;</rss>";
        assertThatThrownBy(() -> parse(internal)).isInstanceOf(ProblemException.class);
    }

    @Test
    void malformedXmlNamesTheLine() {
        assertThatThrownBy(() -> parse("<rss>\n<channel>\n<item></channel></rss>"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> parse("<html/>")).hasMessageContaining("neither RSS");
    }

    @Test
    void readsAtomEntries() {
        FeedParser.ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="https://a.example/atom"/>
                <link href="https://a.example/"/><entry><id>urn:1</id><title type="text">T</title>
                <link rel="alternate" href="https://a.example/p/one"/><updated>2025-02-01T00:00:00Z</updated>
                <author><name>N</name><email>n@a.example</email></author><content type="html">&lt;p&gt;x&lt;/p&gt;</content>
                <category term="C"/></entry></feed>""");
        assertThat(feed.link()).isEqualTo("https://a.example/");
        FeedParser.ParsedItem entry = feed.items().get(0);
        assertThat(entry.guid()).isEqualTo("urn:1");
        assertThat(entry.published()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(entry.author()).isEqualTo("N");
        assertThat(entry.html()).isEqualTo("<p>x</p>");
        assertThat(entry.categories()).containsExactly("C");
    }
}
