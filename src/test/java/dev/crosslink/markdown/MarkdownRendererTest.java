package dev.crosslink.markdown;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new HtmlSanitizer(), java.time.Duration.ofMillis(1500));

    @Test
    void fencedCodeGetsALanguageClass() {
        assertThat(renderer.render("```ts\nlet a = 1;\n```\n").html())
                .isEqualTo("<pre><code class=\"language-ts\">let a &#61; 1;\n</code></pre>\n");
        assertThat(renderer.render("```\nplain\n```\n").html()).isEqualTo("<pre><code>plain\n</code></pre>\n");
    }

    @Test
    void headingsGetIds() {
        assertThat(renderer.render("## The bad shape: timeline-first\n").html())
                .isEqualTo("<h2 id=\"the-bad-shape-timeline-first\">The bad shape: timeline-first</h2>\n");
    }

    @Test
    void gfmTablesStrikethroughAutolinksAndTaskLists() {
        String html = renderer.render("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~gone~~ and https://example.com/x\n\n- [x] done\n- [ ] todo\n").html();
        assertThat(html).contains("<table>").contains("<th align=\"left\">a</th>").contains("<td align=\"right\">2</td>")
                .contains("<del>gone</del>")
                .contains("<a href=\"https://example.com/x\">https://example.com/x</a>")
                .contains("<input type=\"checkbox\"").contains("checked=\"checked\"")
                .contains("disabled");
    }

    @Test
    void excerptIsTheFirstParagraphsText() {
        Rendering r = renderer.render("# Title\n\nFirst **bold** paragraph.\n\nSecond one.\n");
        assertThat(r.excerpt()).isEqualTo("First bold paragraph.");
        assertThat(r.text()).isEqualTo("Title First bold paragraph. Second one.");
    }

    @Test
    void longExcerptIsCutAtAWord() {
        String words = "word ".repeat(200);
        String excerpt = renderer.render(words).excerpt();
        assertThat(excerpt).hasSizeLessThanOrEqualTo(MarkdownRenderer.EXCERPT_LENGTH + 1).endsWith("word…");
    }

    @Test
    void readingTimeComesFromTheWordCount() {
        assertThat(renderer.render("one two").readingTimeMinutes()).isEqualTo(1);
        assertThat(renderer.render("w ".repeat(MarkdownRenderer.WORDS_PER_MINUTE * 3)).readingTimeMinutes()).isEqualTo(3);
        assertThat(renderer.render("w ".repeat(MarkdownRenderer.WORDS_PER_MINUTE * 3 + 1)).readingTimeMinutes()).isEqualTo(4);
        assertThat(renderer.render("").readingTimeMinutes()).isEqualTo(1);
    }

    @Test
    void relativeAndAbsoluteLinksAreKept() {
        assertThat(renderer.render("[a](/blog/x) [b](https://example.com) [c](mailto:a@example.com)").html())
                .contains("href=\"/blog/x\"").contains("href=\"https://example.com\"").contains("href=\"mailto:a&#64;example.com\"");
    }

    @Test
    void scriptBlockIsRemovedWithoutEatingLaterParagraphs() {
        String html = renderer.render("<script>alert(1)</script>\n\nStill here.\n").html();
        assertThat(html).doesNotContain("script").doesNotContain("alert").contains("<p>Still here.</p>");
    }

    @Test
    void pathologicalMarkdownIsRefusedNotOverflowedOrEndless() {
        for (String markdown : new String[]{">".repeat(100_000), "*".repeat(50_000), "- ".repeat(50_000),
                "[a]".repeat(66_663), "1. ".repeat(60_000)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.render(markdown))
                    .isInstanceOf(MarkdownTooComplexException.class);
        }
    }

    @Test
    void theBudgetIsEnforcedWhateverTheInput() {
        MarkdownRenderer none = new MarkdownRenderer(new HtmlSanitizer(), java.time.Duration.ZERO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.render("plain prose. ".repeat(10_000)))
                .isInstanceOf(MarkdownTooComplexException.class).hasMessageContaining("0 ms");
        org.assertj.core.api.Assertions.assertThat(renderer.render("plain prose. ".repeat(10_000)).html()).startsWith("<p>plain");
    }

    @Test
    void anyInfoStringBecomesItsLanguageClassAndStaysInert() {
        org.assertj.core.api.Assertions.assertThat(renderer.render("```föö\nx\n```\n").html()).contains("class=\"language-föö\"");
        org.assertj.core.api.Assertions.assertThat(renderer.render("``` ;\nx\n```\n").html()).contains("class=\"language-;\"");
        String hostile = renderer.render("```\"><script>alert(1)</script>\nx\n```\n").html();
        org.assertj.core.api.Assertions.assertThat(org.jsoup.Jsoup.parseBodyFragment(hostile).select("script")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(org.jsoup.Jsoup.parseBodyFragment(hostile).select("code").attr("class"))
                .isEqualTo("language-\"><script>alert(1)</script>");
    }
}
