package dev.crosslink.markdown;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the write-time pipeline (flexmark, sanitizer, text): whatever the Markdown, it renders or
 * is refused with {@link MarkdownTooComplexException}, never another exception, a stack overflow
 * or a render over the bound; and no script survives. In CI this runs the saved inputs only
 * (regression mode, its own surefire execution); {@code ./mvnw -Pfuzz test} fuzzes for real
 * (docs/benchmarks.md).
 */
class MarkdownFuzzTest {

    private static final Duration BUDGET = Duration.ofMillis(1500);
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(new HtmlSanitizer(), BUDGET);

    @FuzzTest(maxDuration = "10m")
    void rendersOrRefusesWithinTheBound(FuzzedDataProvider data) {
        String markdown = data.consumeRemainingAsString();
        long started = System.nanoTime();
        try {
            Rendering rendering = RENDERER.render(markdown);
            String html = rendering.html().toLowerCase(java.util.Locale.ROOT);
            assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain(" onerror=")
                    .doesNotContain("<iframe").doesNotContain(" style=");
        } catch (MarkdownTooComplexException refused) {
            // the bound at work: a 400 naming markdown
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        // the budget is CPU time of flexmark; sanitizing and text come on top, and the fuzzer shares the core
        assertThat(millis).as("render of %d characters took %d ms", markdown.length(), millis).isLessThan(4_000);
    }
}
