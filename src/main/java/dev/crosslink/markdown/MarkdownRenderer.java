package dev.crosslink.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.crosslink.web.CmsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Duration;
import java.util.List;

/**
 * Markdown to stored HTML, on write: flexmark (CommonMark, GFM tables, strikethrough, autolinks,
 * task lists; fenced code as {@code <pre><code class="language-X">}; heading ids), then the
 * {@link HtmlSanitizer} allow-list. Flexmark's parser and renderer are immutable and thread-safe,
 * so they are built once.
 */
@ApplicationScoped
public class MarkdownRenderer {

    static final int WORDS_PER_MINUTE = 220;
    static final int EXCERPT_LENGTH = 280;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer;
    private final Duration budget;

    @Inject
    public MarkdownRenderer(HtmlSanitizer sanitizer, CmsConfig config) {
        this(sanitizer, config.limits().renderTime());
    }

    /** With the time one render may take before it is refused ({@code cms.limits.render-time}). */
    public MarkdownRenderer(HtmlSanitizer sanitizer, Duration budget) {
        this.sanitizer = sanitizer;
        this.budget = budget;
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                        TaskListExtension.create(), AutolinkExtension.create()))
                // GitHub's table rules: header row required, column counts need not match.
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-")
                .set(HtmlRenderer.FENCED_CODE_NO_LANGUAGE_CLASS, "")
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                // CommonMark percent-encodes link destinations (/föö is /f%C3%B6%C3%B6); browsers resolve both alike
                .set(HtmlRenderer.PERCENT_ENCODE_URLS, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * The sanitized HTML of a Markdown body, with its text, derived excerpt and reading time.
     *
     * @throws MarkdownTooComplexException when flexmark would need more than the time budget, or
     *         more stack than a request thread has (pathological nesting or brackets)
     */
    public Rendering render(String markdown) {
        String source = markdown == null ? "" : markdown;
        try {
            return renderWithin(source, RenderDeadline.now() + budget.toNanos());
        } catch (RenderDeadline.Expired e) {
            throw new MarkdownTooComplexException("takes the renderer more than " + budget.toMillis()
                    + " ms of CPU (pathological nesting or brackets); simplify it or split the post");
        } catch (StackOverflowError e) {
            throw new MarkdownTooComplexException("nests too deeply for the renderer; simplify it or split the post");
        }
    }

    private Rendering renderWithin(String markdown, long deadlineNanos) {
        Node document = parser.parse(BasedSequence.of(new RenderDeadline(markdown, deadlineNanos)));
        String rendered = renderer.render(document);
        // Raw HTML can arrive mis-nested, and only then may one sanitizer pass not be final.
        String html = markdown.indexOf('<') >= 0 && containsRawHtml(document)
                ? sanitizer.sanitize(rendered) : sanitizer.sanitizeWellFormed(rendered);
        Document doc = Jsoup.parseBodyFragment(html);
        String text = doc.body().text();
        return new Rendering(html, text, excerptOf(doc, text), readingTime(text));
    }

    /** flexmark alone, before sanitizing: for benchmarks and tests in this package. */
    String unsanitized(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    private static boolean containsRawHtml(Node document) {
        for (Node node : document.getDescendants()) {
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                return true;
            }
        }
        return false;
    }

    static int readingTime(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    /** The first paragraph's text (else the whole text), cut at a word boundary. */
    static String excerptOf(Document doc, String allText) {
        String text = doc.select("p").stream().map(Element::text).filter(t -> !t.isBlank()).findFirst().orElse(allText);
        return shorten(text.strip(), EXCERPT_LENGTH);
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
