package dev.crosslink.markdown;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the write-time pipeline (flexmark, sanitizer, text): whatever the Markdown, it renders or
 * is refused with {@link MarkdownTooComplexException}, never another exception or a stack
 * overflow; the render stays within its CPU bound; and the HTML holds no element, attribute or URL
 * that could run script. In CI this replays the saved inputs only (regression mode, its own
 * surefire execution); {@code ./mvnw test -Pfuzz -Dtest=MarkdownFuzzTest} fuzzes for real
 * (docs/benchmarks.md).
 */
class MarkdownFuzzTest {

    private static final Duration BUDGET = Duration.ofMillis(1500);
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(new HtmlSanitizer(), BUDGET);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "object", "embed", "form", "style",
            "svg", "math", "base", "link", "meta", "frame", "frameset");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "srcset");

    static {
        // Class loading and the fuzzer's instrumentation happen once, here, not in a measured render.
        RENDERER.render("# warm\n\n*up* [x](/y) `z`\n\n- a\n\n> q\n\n| a |\n|---|\n| b |\n\n<b>raw</b>");
    }

    @FuzzTest(maxDuration = "10m")
    void rendersOrRefusesWithinTheBound(FuzzedDataProvider data) {
        String markdown = data.consumeRemainingAsString();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        Rendering rendering = null;
        try {
            rendering = RENDERER.render(markdown);
        } catch (MarkdownTooComplexException refused) {
            // the bound at work: a 400 naming markdown
        }
        long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        // The budget bounds flexmark; the sanitizer and the text pass after it are linear.
        assertThat(cpuMillis).as("CPU time for %d characters", markdown.length()).isLessThan(BUDGET.toMillis() + 1500);
        if (rendering != null) {
            assertNothingRuns(rendering.html());
        }
    }

    private static void assertNothingRuns(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertThat(FORBIDDEN_ELEMENTS).as("element in %s", html).doesNotContain(element.normalName());
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", html).doesNotStartWith("on").isNotEqualTo("style");
                if (URL_ATTRIBUTES.contains(name)) {
                    String url = attribute.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                    assertThat(url).as("URL in %s", html).doesNotStartWith("javascript:").doesNotStartWith("vbscript:")
                            .doesNotStartWith("data:");
                }
            }
        }
    }
}
