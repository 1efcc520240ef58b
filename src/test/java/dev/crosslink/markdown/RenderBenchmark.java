package dev.crosslink.markdown;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Render plus sanitize of a 10 KB post: the whole write-time pipeline. Run with bench/render.sh;
 * results go to docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// flexmark and the sanitizer are large; on this 2-core machine C2 needs ~15 s to settle.
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class RenderBenchmark {

    /**
     * seed: the seed feed's first post (an 11.7 KB essay: prose, headings, lists, links, two code
     * blocks), as our importer stores it. dense: a synthetic 10.5 KB post packed with links, a
     * table, a task list and code in every section, the worst case we write ourselves.
     */
    @Param({"seed", "dense"})
    public String post;

    private MarkdownRenderer renderer;
    private HtmlSanitizer sanitizer;
    private String markdown;
    private String renderedOnce;

    @Setup
    public void setUp() throws IOException {
        sanitizer = new HtmlSanitizer();
        renderer = new MarkdownRenderer(sanitizer, java.time.Duration.ofMillis(1500));
        markdown = post.equals("seed") ? seedPost() : post10k();
        renderedOnce = renderer.render(markdown).html();
    }

    /** The seed-style section repeated until the post is at least 10 KB of Markdown. */
    public static String post10k() throws IOException {
        try (InputStream in = RenderBenchmark.class.getResourceAsStream("/bench/section.md")) {
            String section = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder post = new StringBuilder("# Consensus and deadlines\n\n");
            while (post.length() < 10 * 1024) {
                post.append(section);
            }
            return post.toString();
        }
    }

    /** The first item of seed-feed.xml, converted to Markdown the way an import stores it. */
    public static String seedPost() throws IOException {
        try (InputStream in = RenderBenchmark.class.getResourceAsStream("/seed-feed.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = xml.indexOf("<content:encoded><![CDATA[") + "<content:encoded><![CDATA[".length();
            String html = xml.substring(start, xml.indexOf("]]></content:encoded>", start));
            return new dev.crosslink.importer.HtmlToMarkdown().convert(html).markdown();
        }
    }

    @Benchmark
    public Rendering renderAndSanitize() {
        return renderer.render(markdown);
    }

    @Benchmark
    public String flexmarkOnly() {
        return renderer.unsanitized(markdown);
    }

    @Benchmark
    public String textOnly() {
        return org.jsoup.Jsoup.parseBodyFragment(renderedOnce).body().text();
    }

    @Benchmark
    public String sanitizeOnly() {
        return sanitizer.sanitizeWellFormed(renderedOnce);
    }
}
