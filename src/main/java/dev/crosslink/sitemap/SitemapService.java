package dev.crosslink.sitemap;

import dev.crosslink.post.PostRepository;
import dev.crosslink.taxonomy.Category;
import dev.crosslink.taxonomy.Tag;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.SiteUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The sitemap (CONTRACT section 12): every public post, then every category and tag a public post
 * uses, each with the instant what it shows last changed. Past {@code cms.sitemap.urls-per-file}
 * (the protocol's 50,000) {@code /sitemap.xml} is an index of {@code /sitemap-N.xml} parts.
 */
@ApplicationScoped
public class SitemapService {

    /** A sitemap document and the newest lastmod in it (its Last-Modified). */
    public record Document(byte[] bytes, Instant lastModified) {
    }

    private final PostRepository posts;
    private final SiteUrls urls;
    private final Clock clock;
    private final int perFile;

    public SitemapService(PostRepository posts, SiteUrls urls, Clock clock, CmsConfig config) {
        this.posts = posts;
        this.urls = urls;
        this.clock = clock;
        this.perFile = config.sitemap().urlsPerFile();
    }

    /** {@code /sitemap.xml}: every URL, or the index of the parts when there are more than fit one file. */
    @Transactional
    public Document sitemap() {
        List<SitemapWriter.Entry> all = entries();
        if (all.size() <= perFile) {
            return new Document(SitemapWriter.urlset(all), newest(all));
        }
        List<SitemapWriter.Entry> parts = new ArrayList<>();
        for (int part = 1; (part - 1) * perFile < all.size(); part++) {
            parts.add(new SitemapWriter.Entry(urls.api("/sitemap-" + part + ".xml").toString(), newest(part(all, part))));
        }
        return new Document(SitemapWriter.index(parts), newest(all));
    }

    /** {@code /sitemap-N.xml}: one part of an index; a 404 for a part that does not exist. */
    @Transactional
    public Document part(int part) {
        List<SitemapWriter.Entry> all = entries();
        if (all.size() <= perFile || (part - 1) * perFile >= all.size()) {
            throw new ProblemException(404, "No sitemap part " + part);
        }
        List<SitemapWriter.Entry> mine = part(all, part);
        return new Document(SitemapWriter.urlset(mine), newest(mine));
    }

    private List<SitemapWriter.Entry> part(List<SitemapWriter.Entry> all, int part) {
        return all.subList((part - 1) * perFile, Math.min(all.size(), part * perFile));
    }

    private List<SitemapWriter.Entry> entries() {
        Instant now = clock.instant();
        return Stream.of(entries(posts.publicStamps(now), urls::post),
                        entries(posts.publicTermStamps(Category.class, now), urls::category),
                        entries(posts.publicTermStamps(Tag.class, now), urls::tag))
                .flatMap(List::stream).toList();
    }

    /** A public post changed when it was last written or, if later, when it went public. */
    private static List<SitemapWriter.Entry> entries(List<PostRepository.Stamp> stamps, Function<String, String> url) {
        return stamps.stream().map(s -> new SitemapWriter.Entry(url.apply(s.slug()),
                Stream.of(s.updatedAt(), s.publishedAt()).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null)))
                .toList();
    }

    private static Instant newest(List<SitemapWriter.Entry> entries) {
        return entries.stream().map(SitemapWriter.Entry::lastmod).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
    }
}
