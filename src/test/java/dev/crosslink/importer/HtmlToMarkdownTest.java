package dev.crosslink.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlToMarkdownTest {

    private final HtmlToMarkdown converter = new HtmlToMarkdown();

    @Test
    void convertsStructureAndKeepsTypography() {
        String md = converter.convert("<h2>Title</h2><p>Text — with <em>em</em> and <a href=\"/blog/x\">a link</a>.</p>"
                + "<ul><li>one</li><li>two</li></ul><pre><code class=\"language-python\">print(1)\n</code></pre>");
        assertThat(md).contains("## Title").contains("Text — with *em* and [a link](/blog/x).")
                .contains("* one").contains("```python\nprint(1)\n```");
    }

    @Test
    void dropsEmptyBlocksAndMangledCodeEchoes() {
        String code = "    a = fetch(one)\n    b = fetch(two)\n    c = fetch(three)\n    d = fetch(four)\n";
        String html = "<p>Intro.</p><p> Report:\n" + code + "    return merge(a, b)`}</p>"
                + "<blockquote>\n</blockquote><pre><code>def report():\n" + code
                + "    return merge(a, b)\n</code></pre><p>Outro.</p>";
        String md = converter.convert(html);
        assertThat(md).doesNotContain("`}").doesNotContain(">\n").contains("Intro.").contains("Outro.")
                .contains("    return merge(a, b)");
    }

    @Test
    void aParagraphThatMerelyMentionsCodeStays() {
        String md = converter.convert("<p>We call fetch(one) first.</p><pre><code>a = fetch(one)\n</code></pre>");
        assertThat(md).contains("We call fetch(one) first.");
    }
}
