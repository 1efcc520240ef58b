package dev.crosslink.importer;

import dev.crosslink.post.PostInput;
import dev.crosslink.post.PostService;
import dev.crosslink.post.PostSource;
import dev.crosslink.post.PostStatus;
import dev.crosslink.taxonomy.CategoryService;
import dev.crosslink.web.PlainText;
import dev.crosslink.web.Slug;
import dev.crosslink.web.WebUrl;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jsoup.Jsoup;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports an RSS 2.0 or Atom document in one transaction (CONTRACT section 7). An item updates only
 * the post an import of the same feed made for its guid, compared field by field, so importing the
 * same feed twice changes nothing the second time; every other post is out of its reach.
 */
@ApplicationScoped
public class FeedImporter {

    /**
     * Items one import takes (docs/security.md): 1,000 ordinary posts import in under 20 s, well
     * inside the import's transaction timeout; a larger feed is refused whole, with nothing written.
     */
    public static final int MAX_ITEMS = 1000;

    private final FeedParser parser;
    private final HtmlToMarkdown htmlToMarkdown;
    private final PostService posts;
    private final CategoryService categories;
    private final Validator validator;
    private final EntityManager em;

    public FeedImporter(FeedParser parser, HtmlToMarkdown htmlToMarkdown, PostService posts, CategoryService categories,
                        Validator validator, EntityManager em) {
        this.parser = parser;
        this.htmlToMarkdown = htmlToMarkdown;
        this.posts = posts;
        this.categories = categories;
        this.validator = validator;
        this.em = em;
    }

    /** Items written between two clears of the persistence context. */
    static final int BATCH = 25;

    // One transaction for the whole feed; 1,000 items took 16-20 s on PostgreSQL (docs/benchmarks.md),
    // so the default 60 s timeout is lifted to leave room for larger posts on a slower machine.
    @Transactional
    @TransactionConfiguration(timeout = 300)
    public ImportReport importFeed(byte[] xml, String actor) {
        FeedParser.ParsedFeed feed = parser.parse(xml);
        if (feed.items().size() > MAX_ITEMS) {
            throw new ImportTooLargeException(feed.items().size(), MAX_ITEMS);
        }
        // Only a web URL is kept as the feed's address: never a javascript: or other URL (section 5).
        String feedLink = WebUrl.isValid(feed.link()) ? feed.link().strip() : null;
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        List<ImportReport.Warning> warnings = new ArrayList<>();
        int written = 0;
        for (FeedParser.ParsedItem item : feed.items()) {
            if (++written % BATCH == 0) {
                // Still one transaction, but Hibernate would keep every entity it wrote until the commit
                // (each post, its body, its words, links and revision: 35-65x the document, docs/benchmarks.md).
                // Nothing written is needed again: every item looks up what it uses.
                em.flush();
                em.clear();
            }
            String guid = item.guid() != null ? item.guid() : item.link();
            String refusal = refusal(item, guid);
            if (refusal != null) {
                skipped.add(new ImportReport.Skipped(WebUrl.isSafeId(guid) ? guid : null, refusal));
                continue;
            }
            HtmlToMarkdown.Conversion content = htmlToMarkdown.convert(item.html() != null ? item.html() : item.description());
            PostInput input = input(item, content.markdown(), null);
            Set<ConstraintViolation<PostInput>> violations = validator.validate(input);
            if (!violations.isEmpty()) {
                skipped.add(new ImportReport.Skipped(guid, violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; "))));
                continue;
            }
            if (!item.categories().isEmpty()) { // created only for an item that is otherwise fine
                input = input(item, content.markdown(), categories.findOrCreate(item.categories().get(0)).getSlug());
            }
            PostService.ImportResult result = posts.importItem(input, PostSource.imported(feedLink, guid), actor);
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case SKIPPED -> skipped.add(new ImportReport.Skipped(guid, result.reason()));
            }
            if (result.outcome() != PostService.ImportOutcome.SKIPPED) {
                content.warnings().forEach(message -> warnings.add(new ImportReport.Warning(guid, message)));
            }
        }
        return new ImportReport(created, updated, unchanged, skipped, warnings);
    }

    /** Why an item cannot become a post before it is even converted; null when it can. */
    private static String refusal(FeedParser.ParsedItem item, String guid) {
        if (guid == null) {
            return "no guid and no link";
        }
        if (!WebUrl.isSafeId(guid) || !PlainText.Validator.isXmlSafe(guid) || guid.length() > 2000) {
            return "the guid is neither an http(s) URL, a urn: or tag: URI nor a plain identifier";
        }
        if (item.title() == null) {
            return "no title";
        }
        if (item.published() == null) {
            return "no publication date (or one that cannot be read)";
        }
        for (String name : item.categories()) {
            if (name.length() > 200 || !PlainText.Validator.isXmlSafe(name)) {
                return "the category or tag name '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                        + "' is over 200 characters or holds characters a feed cannot carry";
            }
        }
        return null;
    }

    private PostInput input(FeedParser.ParsedItem item, String markdown, String category) {
        String excerpt = item.description() == null ? null : Jsoup.parse(item.description()).text();
        if (excerpt != null && excerpt.length() > 1000) {
            excerpt = excerpt.substring(0, 999) + "…";
        }
        List<String> names = item.categories();
        List<String> tags = names.size() > 1 ? names.subList(1, names.size()) : List.of();
        return new PostInput(item.title(), markdown, slugOf(item), excerpt, PostStatus.PUBLISHED,
                item.published(), item.author(), category, tags);
    }

    /** The link's last path segment when it is a slug; else one derived from it or the title. */
    static String slugOf(FeedParser.ParsedItem item) {
        if (item.link() != null) {
            try {
                String path = URI.create(item.link().strip()).getPath();
                if (path != null) {
                    String[] segments = path.split("/");
                    for (int i = segments.length - 1; i >= 0; i--) {
                        if (!segments[i].isEmpty()) {
                            String segment = segments[i];
                            return Slug.isValid(segment) ? segment : nonEmpty(Slug.derive(segment), item.title());
                        }
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: fall back to the title
            }
        }
        return nonEmpty(Slug.derive(item.title()), "imported-post");
    }

    private static String nonEmpty(String slug, String fallback) {
        return slug.isEmpty() ? Slug.derive(fallback).isEmpty() ? "imported-post" : Slug.derive(fallback) : slug;
    }
}
