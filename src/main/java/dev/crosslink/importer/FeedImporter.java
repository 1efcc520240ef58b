package dev.crosslink.importer;

import dev.crosslink.post.PostInput;
import dev.crosslink.post.PostService;
import dev.crosslink.post.PostSource;
import dev.crosslink.post.PostStatus;
import dev.crosslink.taxonomy.CategoryService;
import dev.crosslink.web.Slug;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Imports an RSS 2.0 or Atom document in one transaction (CONTRACT section 7). Items are matched
 * to posts by guid, then by slug, and compared field by field, so importing the same feed twice
 * changes nothing the second time.
 */
@ApplicationScoped
public class FeedImporter {

    private final FeedParser parser;
    private final HtmlToMarkdown htmlToMarkdown;
    private final PostService posts;
    private final CategoryService categories;
    private final Validator validator;

    public FeedImporter(FeedParser parser, HtmlToMarkdown htmlToMarkdown, PostService posts, CategoryService categories,
                        Validator validator) {
        this.parser = parser;
        this.htmlToMarkdown = htmlToMarkdown;
        this.posts = posts;
        this.categories = categories;
        this.validator = validator;
    }

    @Transactional
    public ImportReport importFeed(byte[] xml, String actor) {
        FeedParser.ParsedFeed feed = parser.parse(xml);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        for (FeedParser.ParsedItem item : feed.items()) {
            String guid = item.guid() != null ? item.guid() : item.link();
            if (guid == null || item.title() == null) {
                skipped.add(new ImportReport.Skipped(guid, guid == null ? "no guid and no link" : "no title"));
                continue;
            }
            if (item.published() == null) {
                skipped.add(new ImportReport.Skipped(guid, "no publication date (or one that cannot be read)"));
                continue;
            }
            if (item.categories().stream().anyMatch(name -> name.length() > 200)) {
                skipped.add(new ImportReport.Skipped(guid, "a category or tag name is over 200 characters"));
                continue;
            }
            PostInput input = input(item);
            Set<ConstraintViolation<PostInput>> violations = validator.validate(input);
            if (!violations.isEmpty()) {
                skipped.add(new ImportReport.Skipped(guid, violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; "))));
                continue;
            }
            switch (posts.importItem(input, PostSource.imported(feed.link(), guid), actor)) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        return new ImportReport(created, updated, unchanged, skipped);
    }

    private PostInput input(FeedParser.ParsedItem item) {
        String html = item.html() != null ? item.html() : item.description();
        String excerpt = item.description() == null ? null : Jsoup.parse(item.description()).text();
        if (excerpt != null && excerpt.length() > 1000) {
            excerpt = excerpt.substring(0, 999) + "…";
        }
        List<String> names = item.categories();
        String category = names.isEmpty() ? null : categories.findOrCreate(names.get(0)).getSlug();
        List<String> tags = names.size() > 1 ? names.subList(1, names.size()) : List.of();
        return new PostInput(item.title(), htmlToMarkdown.convert(html), slugOf(item), excerpt, PostStatus.PUBLISHED,
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
