package dev.crosslink.sitemap;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SitemapWriterTest {

    @Test
    void aUrlsetAndAnIndexMeetTheSchemaAndEscapeTheirUrls() throws Exception {
        Instant when = Instant.parse("2026-01-02T03:04:05.678Z");
        byte[] urlset = SitemapWriter.urlset(List.of(new SitemapWriter.Entry("https://example.org/blog/a?x=1&y=<2>", when),
                new SitemapWriter.Entry("https://example.org/tags/b", null)));
        assertThat(SitemapSchema.root(urlset)).isEqualTo("urlset");
        assertThat(SitemapSchema.validLocs(urlset)).containsExactly("https://example.org/blog/a?x=1&y=<2>", "https://example.org/tags/b");
        assertThat(new String(urlset, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<lastmod>2026-01-02T03:04:05Z</lastmod>").contains("&amp;y=&lt;2&gt;");

        byte[] index = SitemapWriter.index(List.of(new SitemapWriter.Entry("https://example.org/sitemap-1.xml", when)));
        assertThat(SitemapSchema.root(index)).isEqualTo("sitemapindex");
        assertThat(SitemapSchema.validLocs(index)).containsExactly("https://example.org/sitemap-1.xml");
    }

    @Test
    void theSchemaRefusesWhatTheProtocolDoes() {
        // the check can fail: a relative loc and an empty index are not sitemaps
        assertThatThrownBy(() -> SitemapSchema.validLocs(SitemapWriter.urlset(List.of(new SitemapWriter.Entry("/blog/a", null)))))
                .hasMessageContaining("tLoc");
        assertThatThrownBy(() -> SitemapSchema.validLocs(SitemapWriter.index(List.of()))).isInstanceOf(Exception.class);
    }
}
