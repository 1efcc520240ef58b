package dev.crosslink.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed readers have no page to resolve a relative URL against, so every href and src in feed
 * content is made absolute against {@code cms.site.url}. Stored HTML keeps relative links: they
 * stay right if the site moves.
 */
final class AbsoluteLinks {

    private AbsoluteLinks() {
    }

    static String resolve(String html, String base) {
        Document doc = Jsoup.parseBodyFragment(html, base);
        doc.outputSettings().prettyPrint(false);
        for (Element element : doc.body().select("[href], [src]")) {
            for (String attribute : new String[] {"href", "src"}) {
                if (element.hasAttr(attribute)) {
                    String absolute = element.absUrl(attribute);
                    if (!absolute.isEmpty()) {
                        element.attr(attribute, absolute);
                    }
                }
            }
        }
        return doc.body().html();
    }
}
