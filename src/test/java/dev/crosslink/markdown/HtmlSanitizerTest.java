package dev.crosslink.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The XSS set: every vector, as Markdown through the whole pipeline and as raw HTML through the sanitizer. */
class HtmlSanitizerTest {

    private static final Set<String> EXECUTABLE = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
            "applet", "style", "link", "form", "base", "meta", "svg", "math", "textarea", "select", "button", "keygen",
            "video", "audio", "source", "xml", "isindex", "marquee", "body", "html", "noscript");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "srcset", "action", "formaction", "background",
            "poster", "data", "dynsrc", "lowsrc", "xlink:href", "code", "to", "content");

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final MarkdownRenderer renderer = new MarkdownRenderer(sanitizer, java.time.Duration.ofMillis(1500));

    static List<String> vectors() throws IOException {
        try (InputStream in = HtmlSanitizerTest.class.getResourceAsStream("/xss-vectors.txt")) {
            List<String> vectors = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    vectors.add(line.replace("\\n", "\n"));
                }
            }
            return vectors;
        }
    }

    @Test
    void theSetHasAtLeastAHundredVectors() throws IOException {
        assertThat(vectors()).hasSizeGreaterThanOrEqualTo(100);
    }

    @TestFactory
    Stream<DynamicTest> noVectorSurvivesAsMarkdown() throws IOException {
        return vectors().stream().map(v -> DynamicTest.dynamicTest("md: " + v, () -> {
            String html = renderer.render(v).html();
            assertSafe(v, html);
            assertThat(sanitizer.sanitize(html)).as("stored HTML is a fixed point of the sanitizer").isEqualTo(html);
        }));
    }

    @TestFactory
    Stream<DynamicTest> noVectorSurvivesAsHtml() throws IOException {
        return vectors().stream().map(v -> DynamicTest.dynamicTest("html: " + v, () -> {
            String once = sanitizer.sanitize(v);
            assertSafe(v, once);
            assertThat(sanitizer.sanitize(once)).as("sanitizing twice equals sanitizing once").isEqualTo(once);
        }));
    }

    @Test
    void safeMarkupSurvives() {
        String html = sanitizer.sanitize("<h2 id=\"intro\">Intro</h2><p><a href=\"/blog/x\" title=\"t\">x</a> "
                + "<a href=\"https://example.com/a?b=c\">y</a> <img src=\"/img/a.png\" alt=\"A\"></p>"
                + "<pre><code class=\"language-python\">print(1)</code></pre>"
                + "<table><thead><tr><th align=\"left\">h</th></tr></thead><tbody><tr><td>c</td></tr></tbody></table>"
                + "<ul><li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />done</li></ul>");
        assertThat(html).contains("<h2 id=\"intro\">").contains("href=\"/blog/x\"").contains("href=\"https://example.com/a?b&#61;c\"")
                .contains("src=\"/img/a.png\"").contains("<code class=\"language-python\">")
                .contains("<th align=\"left\">").contains("type=\"checkbox\"").contains("<li class=\"task-list-item\">");
    }

    @Test
    void classesOtherThanLanguageAreDropped() {
        assertThat(sanitizer.sanitize("<code class=\"evil x\">a</code>")).isEqualTo("<code>a</code>");
    }

    static void assertSafe(String vector, String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            String tag = element.normalName();
            assertThat(EXECUTABLE).as("element <%s> from %s in %s", tag, vector, html).doesNotContain(tag);
            if (tag.equals("input")) {
                assertThat(element.attr("type")).as("only checkboxes: %s", html).isEqualTo("checkbox");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("event handler in %s", html).doesNotStartWith("on");
                assertThat(name).as("style attribute in %s", html).isNotEqualTo("style");
                if (URL_ATTRIBUTES.contains(name)) {
                    assertSafeUrl(attribute.getValue(), html);
                }
            }
        }
    }

    static void assertSafeUrl(String url, String html) {
        StringBuilder compact = new StringBuilder();
        for (char c : url.toCharArray()) {
            if (c > ' ' && c != 0x7f) {
                compact.append(Character.toLowerCase(c));
            }
        }
        String u = compact.toString();
        assertThat(u).as("unsafe URL %s in %s", url, html)
                .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:")
                .doesNotContain("javascript:");
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash) && u.indexOf('?') != 0 && u.indexOf('#') != 0) {
            assertThat(u.substring(0, colon)).as("scheme of %s", url).isIn("http", "https", "mailto");
        }
    }
}
