package dev.crosslink.graph;

import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the links out of a post's stored HTML and classifies each by CONTRACT section 6: a path
 * (relative, or absolute on cms.site.url's host) that fits post-path, category-path or tag-path
 * names that post, category or tag; any other path under those prefixes is internal and broken;
 * everything else is external. Pure: no I/O.
 */
@ApplicationScoped
public class LinkExtractor {

    static final int MAX_TEXT = 1000;
    static final int MAX_HREF = 2000;

    private record Route(TargetType type, String prefix, Pattern pattern) {
    }

    private final String siteHost;
    private final List<Route> routes;

    @Inject
    public LinkExtractor(CmsConfig config) {
        this(config.site().url(), config.site().postPath(), config.site().categoryPath(), config.site().tagPath());
    }

    LinkExtractor(String siteUrl, String postPath, String categoryPath, String tagPath) {
        this.siteHost = URI.create(siteUrl).getHost().toLowerCase(Locale.ROOT);
        this.routes = List.of(route(TargetType.POST, postPath), route(TargetType.CATEGORY, categoryPath),
                route(TargetType.TAG, tagPath));
    }

    /** "/blog/{slug}" matches "/blog/x" and "/blog/x/"; its prefix is "/blog/". */
    private static Route route(TargetType type, String template) {
        int at = template.indexOf("{slug}");
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + "{slug}".length());
        Pattern pattern = Pattern.compile("^" + Pattern.quote(prefix) + "([^/]+)" + Pattern.quote(suffix) + "/?$");
        return new Route(type, prefix, pattern);
    }

    public List<ExtractedLink> extract(String html) {
        List<ExtractedLink> links = new ArrayList<>();
        if (html == null || html.isEmpty()) {
            return links;
        }
        for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) {
            ExtractedLink link = classify(a.attr("href").strip(), a.text());
            if (link != null) {
                links.add(link);
            }
        }
        return links;
    }

    /** Null for links to nothing outside this page (a bare "#fragment"). */
    ExtractedLink classify(String href, String text) {
        if (href.isEmpty() || href.startsWith("#")) {
            return null;
        }
        String shortHref = href.length() > MAX_HREF ? href.substring(0, MAX_HREF) : href;
        String shortText = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
        String path = internalPath(href);
        if (path == null) {
            return new ExtractedLink(shortHref, shortText, false, null, null);
        }
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (m.matches()) {
                String slug = m.group(1);
                return Slug.isValid(slug)
                        ? new ExtractedLink(shortHref, shortText, true, route.type(), slug)
                        : new ExtractedLink(shortHref, shortText, true, null, null);
            }
        }
        for (Route route : routes) {
            if (path.startsWith(route.prefix())) {
                return new ExtractedLink(shortHref, shortText, true, null, null);
            }
        }
        return new ExtractedLink(shortHref, shortText, false, null, null);
    }

    /** The decoded path of a link on this site (relative, or absolute on our host); null otherwise. */
    private String internalPath(String href) {
        try {
            URI uri = new URI(href);
            if (uri.getScheme() != null) {
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    return null;
                }
                if (uri.getHost() == null || !uri.getHost().toLowerCase(Locale.ROOT).equals(siteHost)) {
                    return null;
                }
            } else if (uri.getRawAuthority() != null) { // protocol-relative //host/path
                if (uri.getHost() == null || !uri.getHost().toLowerCase(Locale.ROOT).equals(siteHost)) {
                    return null;
                }
            }
            String path = uri.getPath();
            if (path == null || path.isEmpty()) {
                return null;
            }
            return path.startsWith("/") ? path : "/" + path;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
