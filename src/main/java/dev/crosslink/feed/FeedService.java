package dev.crosslink.feed;

import dev.crosslink.post.Post;
import dev.crosslink.post.PostListParams;
import dev.crosslink.post.PostRepository;
import dev.crosslink.taxonomy.CategoryService;
import dev.crosslink.taxonomy.TagService;
import dev.crosslink.taxonomy.Term;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.SiteUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a feed document: the newest {@code cms.feed.size} public posts of the site, a category
 * or a tag, in one of three formats. A build queries and writes XML; polls that change nothing are
 * answered before reaching here, by the public response cache (see {@link #builds()}).
 */
@ApplicationScoped
public class FeedService {

    public enum Format { RSS, ATOM, JSON }

    /** Which posts a feed holds: all, or those of one category or tag. */
    public record Scope(String kind, String slug) {
        public static final Scope ALL = new Scope("all", null);
    }

    public record FeedDocument(byte[] bytes, Instant lastModified) {
    }

    private static final PostListParams.SortOrder NEWEST_FIRST = new PostListParams.SortOrder("publishedAt", true);

    private final PostRepository posts;
    private final CategoryService categories;
    private final TagService tags;
    private final SiteUrls urls;
    private final CmsConfig config;
    private final RssWriter rss;
    private final AtomWriter atom;
    private final JsonFeedWriter json;
    private final AtomicLong builds = new AtomicLong();
    private final Clock clock;

    public FeedService(PostRepository posts, CategoryService categories, TagService tags, SiteUrls urls, CmsConfig config,
                       RssWriter rss, AtomWriter atom, JsonFeedWriter json, Clock clock) {
        this.posts = posts;
        this.categories = categories;
        this.tags = tags;
        this.urls = urls;
        this.config = config;
        this.rss = rss;
        this.atom = atom;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public FeedDocument build(Format format, Scope scope, String selfPath) {
        builds.incrementAndGet();
        Instant now = clock.instant(); // the clock post reads use: a scheduled post enters lists and feeds together
        String title = config.site().title();
        String category = null;
        List<String> tagFilter = List.of();
        Term term = null;
        if (scope.kind().equals("category")) {
            term = categories.get(scope.slug(), false); // feeds are public: an unlisted, unused term is unknown
            category = term.getSlug();
        } else if (scope.kind().equals("tag")) {
            term = tags.get(scope.slug(), false);
            tagFilter = List.of(term.getSlug());
        }
        if (term != null) {
            title += " — " + term.getName();
        }
        var filter = new PostRepository.Filter(true, null, category, tagFilter, null, NEWEST_FIRST, now);
        List<FeedItem> items = new ArrayList<>();
        // The channel changes when an item does, or (for a category or tag feed) when the term is renamed.
        Instant updated = term == null ? null : term.getUpdatedAt();
        for (Post post : posts.first(filter, config.feed().size(), true)) {
            FeedItem item = item(post);
            items.add(item);
            updated = updated == null || item.updated().isAfter(updated) ? item.updated() : updated;
        }
        String base = urls.base();
        FeedChannel channel = new FeedChannel(title, base + "/", config.site().description(), config.site().language(),
                base + selfPath, updated, items, config.websub().hub().orElse(null));
        byte[] bytes = switch (format) {
            case RSS -> rss.write(channel);
            case ATOM -> atom.write(channel);
            case JSON -> json.write(channel);
        };
        // An empty site feed still answers with a Last-Modified, like every feed: the epoch, not the clock.
        return new FeedDocument(bytes, updated == null ? Instant.EPOCH : updated);
    }

    /** How many feed documents were built since start: polls served from cache do not count. */
    public long builds() {
        return builds.get();
    }

    private FeedItem item(Post post) {
        String link = urls.post(post.getSlug());
        List<String> names = new ArrayList<>();
        if (post.getCategory() != null) {
            names.add(post.getCategory().getName());
        }
        post.getTags().forEach(t -> names.add(t.getName()));
        Instant updated = post.getUpdatedAt().isAfter(post.getPublishedAt()) ? post.getUpdatedAt() : post.getPublishedAt();
        return new FeedItem(post.getTitle(), link, post.getGuid() != null ? post.getGuid() : link, post.getPublishedAt(),
                updated, post.getExcerpt(), post.getAuthor(), AbsoluteLinks.resolve(post.getHtml(), urls.base() + "/"), names);
    }
}
