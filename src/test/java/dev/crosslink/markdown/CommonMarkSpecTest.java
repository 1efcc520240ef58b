package dev.crosslink.markdown;

import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CommonMark spec (0.31.2, from commonmark-test-util) through the API: each example without
 * raw HTML is posted as a draft's Markdown and the html the API answers with is compared with the
 * spec's HTML as written. Only what the contract allows may differ: heading ids and link rel
 * (see normalize), and GFM autolinks. What still differs is listed in {@link #KNOWN_DIFFERENCES},
 * each with its reason, and the test fails if that list goes stale.
 *
 * <p>Issue 9 asks for 99%. flexmark 0.64 implements spec 0.28-0.29 in the places listed below and
 * has no switch for them; commonmark-java implements 0.31.2 whole. Changing renderer is a stack
 * change the team decides on a measured case (note on issue 9), not something to hide here.
 */
@QuarkusTest
class CommonMarkSpecTest {

    /** Example number to the reason our output legitimately differs. */
    static final Map<Integer, String> KNOWN_DIFFERENCES = new TreeMap<>();

    private static void known(String reason, int... examples) {
        for (int example : examples) {
            KNOWN_DIFFERENCES.put(example, reason);
        }
    }

    static {
        known("GFM autolink extension (which the contract asks for) links bare URLs and emails the spec leaves as text",
                602, 606, 608, 611, 612);
        known("the sanitizer's allow-list links http, https and mailto only (CONTRACT section 5: no unsafe URL); "
                + "irc:, made-up schemes and scheme-like hosts stay text", 596, 598, 599, 601);
        known("the sanitizer (OWASP) writes ( and ) in URLs percent-encoded, an equivalent URL, so that no href can "
                + "close a CSS url() or a script call; it has no switch for this", 194, 492, 495, 496, 498, 499, 500, 526);
        known("flexmark trims and folds code span whitespace by the pre-0.29 spec rule", 331, 332, 335, 336, 337, 640);
        known("flexmark turns an out-of-range numeric reference into U+FFFD instead of leaving it as text", 28);
        known("flexmark rejects a tilde fence whose info string holds backticks", 146);
        known("flexmark's link reference definition and destination parsing predates spec 0.30", 215, 216, 493, 540);
        known("flexmark's list-item indentation rules differ for items indented 3-4 spaces", 312, 313);
        known("spec 0.31 counts currency symbols as punctuation for emphasis flanking; flexmark does not", 354);
        known("flexmark does not apply the 'multiple of 3' rule to intraword *** runs", 416, 417);
    }

    /**
     * The spec's raw-HTML constructs: tags, comments, processing instructions, declarations, CDATA.
     * The allow-list removes most of them on purpose (CONTRACT section 5), so examples that use
     * them are measured by HtmlSanitizerTest instead, not against the spec's pass-through HTML.
     */
    private static final java.util.regex.Pattern RAW_HTML = java.util.regex.Pattern.compile(
            "<(/?[A-Za-z][A-Za-z0-9-]*(\\s[^>]*)?/?>|!--|\\?|![A-Z]|!\\[CDATA\\[)");
    private static final List<Example> ALL = ExampleReader.readExamples(TestResources.getSpec());
    /** Example number (1-based, as in the spec) to example, for those without raw HTML. */
    static final Map<Integer, Example> EXAMPLES = new TreeMap<>();

    static {
        for (int i = 0; i < ALL.size(); i++) {
            Example example = ALL.get(i);
            if (!example.getSection().equals("HTML blocks") && !example.getSection().equals("Raw HTML")
                    && !RAW_HTML.matcher(example.getSource()).find()) {
                EXAMPLES.put(i + 1, example);
            }
        }
    }

    /** Every example, posted once as a draft's Markdown; the html the API answers with, by number. */
    private static Map<Integer, String> rendered;

    private static synchronized Map<Integer, String> rendered() {
        if (rendered != null) {
            return rendered;
        }
        rendered = new TreeMap<>();
        EXAMPLES.forEach((number, example) -> rendered.put(number, Api.editorJson()
                .body(Map.of("title", "CommonMark example " + number, "markdown", example.getSource()))
                .post("/api/posts").then().statusCode(201).extract().path("html")));
        return rendered;
    }

    @TestFactory
    Stream<DynamicTest> specExamples() {
        return EXAMPLES.entrySet().stream().map(entry -> {
            int number = entry.getKey();
            Example example = entry.getValue();
            return DynamicTest.dynamicTest("example " + number + " (" + example.getSection() + ")", () -> {
                if (KNOWN_DIFFERENCES.containsKey(number)) {
                    assertThat(matches(number)).as("example %d is listed as a known difference (%s) but now matches; "
                            + "remove it from the list", number, KNOWN_DIFFERENCES.get(number)).isFalse();
                } else {
                    assertThat(normalize(rendered().get(number), true))
                            .as("example %d:%n%s", number, example.getSource())
                            .isEqualTo(normalize(expected(example), false));
                }
            });
        });
    }

    @Test
    void atLeastTheMeasuredShareOfTheSpecPasses() {
        long passing = EXAMPLES.keySet().stream().filter(this::matches).count();
        List<Integer> differing = EXAMPLES.keySet().stream().filter(n -> !matches(n)).toList();
        assertThat(differing).as("examples that differ").isEqualTo(new java.util.ArrayList<>(KNOWN_DIFFERENCES.keySet()));
        assertThat(EXAMPLES).hasSizeGreaterThan(560);
        assertThat(KNOWN_DIFFERENCES.keySet()).allMatch(EXAMPLES::containsKey);
        // a ratchet: raise it as differences are fixed (issue 9 asks for 99%; see the class comment)
        assertThat(passing).isGreaterThanOrEqualTo(EXAMPLES.size() - KNOWN_DIFFERENCES.size());
        System.out.printf("CommonMark %s through the API: %d of %d examples without raw HTML (%.1f%%)%n",
                "0.31.2", passing, EXAMPLES.size(), 100.0 * passing / EXAMPLES.size());
    }

    private boolean matches(int number) {
        return normalize(rendered().get(number), true).equals(normalize(expected(EXAMPLES.get(number)), false));
    }

    /** The reader turns the spec's visible tab arrows back into tabs in the Markdown only. */
    private static String expected(Example example) {
        return example.getHtml().replace('\u2192', '\t');
    }

    /**
     * What the contract lets differ: heading ids, which we add, and the rel we put on links. Both
     * sides also lose the whitespace between block elements, which HTML does not render (as the
     * spec's own test runner normalizes it); the sanitizer writes none.
     */
    private static void dropWhitespaceBetweenBlocks(Element element) {
        if (element.normalName().equals("pre")) {
            return;
        }
        for (org.jsoup.nodes.Node child : new java.util.ArrayList<>(element.childNodes())) {
            if (child instanceof org.jsoup.nodes.TextNode text && text.isBlank()
                    && isBlockOrEdge(text.previousSibling()) && isBlockOrEdge(text.nextSibling())) {
                text.remove();
            } else if (child instanceof Element e) {
                dropWhitespaceBetweenBlocks(e);
            }
        }
    }

    private static boolean isBlockOrEdge(org.jsoup.nodes.Node node) {
        return node == null || (node instanceof Element e && (e.isBlock() || e.normalName().equals("li")));
    }

    static String normalize(String html, boolean ours) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        if (ours) {
            for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
                h.removeAttr("id");
            }
            for (Element a : doc.select("a[rel]")) {
                a.removeAttr("rel");
            }
        }
        dropWhitespaceBetweenBlocks(doc.body());
        return doc.body().html().strip();
    }
}
