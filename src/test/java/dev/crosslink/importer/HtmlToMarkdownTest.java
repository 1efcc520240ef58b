package dev.crosslink.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlToMarkdownTest {

    private final HtmlToMarkdown converter = new HtmlToMarkdown();

    @Test
    void convertsStructureAndKeepsTypography() {
        String md = converter.convert("<h2>Title</h2><p>Text — with <em>em</em> and <a href=\"/blog/x\">a link</a>.</p>"
                + "<ul><li>one</li><li>two</li></ul><pre><code class=\"language-python\">print(1)\n</code></pre>").markdown();
        assertThat(md).contains("## Title").contains("Text — with *em* and [a link](/blog/x).")
                .contains("* one").contains("```python\nprint(1)\n```");
    }

    @Test
    void dropsEmptyBlocksButKeepsSuspectedDebrisWithAWarning() {
        String code = "    a = fetch(one)\n    b = fetch(two)\n    c = fetch(three)\n    d = fetch(four)\n";
        String html = "<p>Intro.</p><p> Report:\n" + code + "    return merge(a, b)`}</p>"
                + "<blockquote>\n</blockquote><pre><code>def report():\n" + code
                + "    return merge(a, b)\n</code></pre><p>Outro.</p>";
        HtmlToMarkdown.Conversion conversion = converter.convert(html);
        // the empty blockquote is gone; every piece of text, the suspected echo too, is still there
        assertThat(conversion.markdown()).doesNotContain(">\n").contains("Intro.").contains("Outro.")
                .contains("Report:").contains("`}").contains("    return merge(a, b)");
        assertThat(conversion.warnings()).singleElement().asString().contains("code block").contains("Report:");
    }

    @Test
    void aParagraphThatMerelyMentionsCodeStays() {
        HtmlToMarkdown.Conversion conversion = converter.convert("<p>We call fetch(one) first.</p><pre><code>a = fetch(one)\n</code></pre>");
        assertThat(conversion.markdown()).contains("We call fetch(one) first.");
        assertThat(conversion.warnings()).isEmpty();
    }
}
