package dev.crosslink.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imported HTML to Markdown (flexmark-html2md-converter), so an imported post is stored and
 * rendered like any other and our renderer's rules, not the source's, decide the output.
 * It keeps every piece of the source's text (CONTRACT section 7): it drops only empty elements,
 * and a paragraph that looks like a garbled copy of the code block after it (a broken upstream
 * renderer's debris) is kept and named in a warning, for an editor to judge. A guess that deletes
 * text would one day delete a real paragraph.
 */
@ApplicationScoped
public class HtmlToMarkdown {

    private static final Set<String> EMPTY_DROPPABLE = Set.of("blockquote", "p", "div", "span", "em", "strong");

    private final FlexmarkHtmlConverter converter = FlexmarkHtmlConverter.builder(new MutableDataSet()
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
            .set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false)
            // Keep the author's typography: an em dash stays an em dash, not "---".
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)).build();

    /** The Markdown of an item, and what in it an editor should look at. */
    public record Conversion(String markdown, List<String> warnings) {
    }

    public Conversion convert(String html) {
        if (html == null || html.isBlank()) {
            return new Conversion("", List.of());
        }
        Document doc = Jsoup.parseBodyFragment(html);
        List<String> warnings = mangledCodeEchoes(doc).stream()
                .map(p -> "kept a paragraph that repeats the code block after it, perhaps another renderer's debris: \""
                        + shorten(p.text()) + "\"")
                .toList();
        dropEmptyBlocks(doc);
        return new Conversion(converter.convert(doc.body().html()).strip() + "\n", warnings);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    /** An element with no text and no image or code inside carries nothing a reader can see. */
    static void dropEmptyBlocks(Document doc) {
        for (Element element : doc.body().select(String.join(",", EMPTY_DROPPABLE))) {
            if (element.text().isBlank() && element.select("img, pre, code, hr, br, input, table").isEmpty()) {
                element.remove();
            }
        }
    }

    /**
     * Paragraphs most of whose lines reappear, verbatim, in the code block that follows: likely the
     * remnant of a fenced block a renderer mangled (the seed feed's "HealthReport:" paragraph).
     */
    static List<Element> mangledCodeEchoes(Document doc) {
        List<Element> suspects = new ArrayList<>();
        for (Element pre : doc.body().select("pre")) {
            Set<String> codeLines = lines(pre.wholeText());
            Element previous = pre.previousElementSibling();
            while (previous != null && previous.text().isBlank() && !previous.is("pre")) {
                previous = previous.previousElementSibling();
            }
            if (previous == null || !previous.is("p")) {
                continue;
            }
            Set<String> paragraphLines = lines(previous.wholeText());
            long echoed = paragraphLines.stream().filter(codeLines::contains).count();
            if (paragraphLines.size() >= 3 && echoed * 10 >= paragraphLines.size() * 6L) {
                suspects.add(previous);
            }
        }
        return suspects;
    }

    private static Set<String> lines(String text) {
        List<String> trimmed = Arrays.stream(text.split("\n")).map(String::strip).filter(l -> l.length() > 3).toList();
        return new HashSet<>(trimmed);
    }
}
