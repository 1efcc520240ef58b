package dev.crosslink.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imported HTML to Markdown (flexmark-html2md-converter), so an imported post is stored and
 * rendered like any other and our renderer's rules, not the source's, decide the output.
 * Before converting, it drops what a broken upstream renderer leaves behind: empty blocks, and a
 * paragraph that is only a garbled copy of the code block after it.
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

    public String convert(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        dropMangledCodeEchoes(doc);
        dropEmptyBlocks(doc);
        return converter.convert(doc.body().html()).strip() + "\n";
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
     * A paragraph most of whose lines reappear, verbatim, in the code block that follows it is
     * the remnant of a fenced block a renderer mangled (the seed feed's "HealthReport:" paragraph).
     */
    static void dropMangledCodeEchoes(Document doc) {
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
                previous.remove();
            }
        }
    }

    private static Set<String> lines(String text) {
        List<String> trimmed = Arrays.stream(text.split("\n")).map(String::strip).filter(l -> l.length() > 3).toList();
        return new HashSet<>(trimmed);
    }
}
