package dev.crosslink.markdown;

import jakarta.enterprise.context.ApplicationScoped;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * The allow-list every stored HTML body passes through. What is not named here does not survive:
 * no script, no event handler, no style, no iframe/object/embed/form/base/meta, no SVG or MathML,
 * and URLs only with http, https or mailto schemes (or relative). The policy is immutable and
 * thread-safe, so one instance serves every request.
 */
@ApplicationScoped
public class HtmlSanitizer {

    // A fenced block's info string is the author's (CommonMark keeps "föö" or ";" as language-föö,
    // language-;); a class value is only a token here, and the sanitizer encodes attribute values.
    private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-\\S{1,60}");
    private static final Pattern HEADING_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.:-]{0,199}");
    private static final Pattern ALIGN = Pattern.compile("left|center|right");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern TASK_CLASS = Pattern.compile("task-list-item(-checkbox)?");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "del", "s", "ins",
                    "sub", "sup", "kbd", "abbr", "mark", "small", "q", "cite",
                    "ul", "ol", "li", "dl", "dt", "dd",
                    "h1", "h2", "h3", "h4", "h5", "h6",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
                    "a", "img", "span", "div", "figure", "figcaption", "details", "summary", "input")
            .allowAttributes("id").matching(HEADING_ID).onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("class").matching(LANGUAGE_CLASS).onElements("code")
            .allowAttributes("class").matching(TASK_CLASS).onElements("li", "input")
            .allowAttributes("align").matching(ALIGN).onElements("th", "td")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("width", "height").matching(NUMBER).onElements("img")
            .allowAttributes("title").onElements("abbr")
            // Task lists: only a disabled checkbox, never a working form control.
            .allowAttributes("type").matching(Pattern.compile("checkbox")).onElements("input")
            .allowAttributes("checked", "disabled", "readonly").onElements("input")
            .allowStandardUrlProtocols() // http, https, mailto; relative URLs are kept
            .allowUrlProtocols("http", "https", "mailto")
            .allowWithoutAttributes("span", "div")
            .toFactory();

    /**
     * One pass of the allow-list, for HTML that is well nested by construction (what flexmark
     * renders from Markdown without raw HTML in it): its output is already a fixed point.
     */
    public String sanitizeWellFormed(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /**
     * Sanitizes until the output is a fixed point. Mis-nested input (a paragraph inside a
     * paragraph, say) can come out of one pass in a shape a second pass rewrites; stored HTML must
     * be stable so that re-sanitizing or re-rendering it never changes a post by itself.
     */
    public String sanitize(String html) {
        if (html == null) {
            return "";
        }
        String current = POLICY.sanitize(html);
        for (int pass = 0; pass < 4; pass++) {
            String next = POLICY.sanitize(current);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }
}
