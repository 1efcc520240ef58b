package dev.crosslink.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosslink.graph.Link;
import dev.crosslink.graph.LinkExtractor;
import dev.crosslink.graph.TargetType;
import dev.crosslink.graph.LinkRepository;
import dev.crosslink.search.SearchIndex;
import dev.crosslink.search.SearchWords;
import dev.crosslink.markdown.MarkdownRenderer;
import dev.crosslink.markdown.MarkdownTooComplexException;
import dev.crosslink.markdown.Rendering;
import dev.crosslink.preview.PreviewTokens;
import dev.crosslink.preview.PreviewView;
import dev.crosslink.taxonomy.Category;
import dev.crosslink.taxonomy.CategoryService;
import dev.crosslink.taxonomy.Tag;
import dev.crosslink.taxonomy.TagService;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.ContentChanged;
import dev.crosslink.web.MergePatch;
import dev.crosslink.web.Page;
import dev.crosslink.web.Precondition;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.SiteUrls;
import dev.crosslink.web.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import dev.crosslink.database.Transactions;
import java.time.Clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * Owns every post write: the rules of CONTRACT section 3 (slugs, publication, taxonomy) and the
 * render-on-write pipeline, in one transaction per request.
 */
@ApplicationScoped
public class PostService {

    private final PostRepository posts;
    private final CategoryService categories;
    private final TagService tags;
    private final MarkdownRenderer renderer;
    private final MergePatch mergePatch;
    private final SiteUrls urls;
    private final String defaultAuthor;
    private final Event<ContentChanged> changed;
    private final Event<PostWritten> written;
    private final Event<PostChanged> postChanged;
    private final PreviewTokens previews;
    private final LinkExtractor linkExtractor;
    private final LinkRepository links;
    private final SearchIndex searchIndex;
    private final Transactions transactions;
    private final Clock clock;

    public PostService(PostRepository posts, CategoryService categories, TagService tags, MarkdownRenderer renderer,
                       MergePatch mergePatch, SiteUrls urls, CmsConfig config, Event<ContentChanged> changed,
                       Event<PostWritten> written, Event<PostChanged> postChanged, PreviewTokens previews, LinkExtractor linkExtractor, LinkRepository links,
                       SearchIndex searchIndex, Transactions transactions, Clock clock) {
        this.posts = posts;
        this.categories = categories;
        this.tags = tags;
        this.renderer = renderer;
        this.mergePatch = mergePatch;
        this.urls = urls;
        this.defaultAuthor = config.site().defaultAuthor();
        this.changed = changed;
        this.written = written;
        this.postChanged = postChanged;
        this.previews = previews;
        this.linkExtractor = linkExtractor;
        this.links = links;
        this.searchIndex = searchIndex;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a read found: the post, or the slug it moved to. */
    public record Lookup(PostView post, Instant lastModified, String movedTo) {
    }

    @Transactional
    public Page<PostView> list(PostListParams params, boolean editor) {
        PostStatus status = params.status();
        if (!editor && status != null && status != PostStatus.PUBLISHED) {
            throw new ProblemException(401, "Filtering by status " + status.wire() + " needs an editor token");
        }
        int page = params.page();
        int size = params.size();
        Instant now = now();
        var filter = new PostRepository.Filter(!editor, status, params.category(), params.tags(),
                params.q() == null ? null : searchIndex.plan(SearchWords.ofQuery(params.q())), params.sort(), now);
        boolean withMarkdown = params.includes("markdown");
        boolean withHtml = params.includes("html");
        PostRepository.Count count = posts.count(filter);
        List<PostView> items = posts.list(filter, page, size, count, withMarkdown || withHtml).stream()
                .map(p -> PostView.of(p, urls, now, withMarkdown, withHtml)).toList();
        return Page.of(items, page, size, count.value(), count.exact());
    }

    /**
     * One post for this reader; {@code previewOf} is the post a preview token opened (or null),
     * which the reader then sees as an editor would, and no other.
     */
    @Transactional
    public Lookup get(String slug, boolean editor, UUID previewOf) {
        Instant now = now();
        Optional<Post> current = posts.findBySlug(slug);
        if (current.isPresent()) {
            Post post = current.get();
            if (!editor && !post.isPublicAt(now) && !post.getId().equals(previewOf)) {
                throw ProblemException.notFound("post", slug);
            }
            return new Lookup(view(post, now), post.getUpdatedAt(), null);
        }
        return posts.findFormerSlug(slug)
                .filter(former -> editor || former.getPost().isPublicAt(now) || former.getPost().getId().equals(previewOf))
                .map(former -> new Lookup(null, null, former.getPost().getSlug()))
                .orElseThrow(() -> ProblemException.notFound("post", slug));
    }

    /** A preview token for the post that has or had this slug, and the URL that reads it. */
    @Transactional
    public PreviewView preview(String slug) {
        Post post = posts.slugHolder(slug).orElseThrow(() -> ProblemException.notFound("post", slug));
        PreviewTokens.Issued issued = previews.issue(post.getId());
        return new PreviewView(issued.token(), urls.api("/api/posts/" + post.getSlug() + "?preview=" + issued.token()).toString(),
                issued.expiresAt());
    }

    /** A new post; a derived slug or a new tag that another request claims at the same moment is retried. */
    public PostView create(PostInput input, String actor) {
        return transactions.write(() -> view(create(input, PostSource.API, actor), now()));
    }

    private Post create(PostInput input, PostSource source, String actor) {
        Instant now = now();
        Post post = new Post(source, actor, now);
        Prepared prepared = prepare(post, input, now);
        String slug = input.slug() != null ? claim(input.slug(), null) : freeSlugFor(input.title());
        post.slug(slug);
        if (source.guid() != null) {
            post.adoptGuid(source.guid()); // an imported item keeps the guid its readers already know
        }
        apply(post, prepared);
        posts.persistAndFlush(post);
        index(post);
        written(post, actor, source.guid() == null ? PostWritten.Via.API : PostWritten.Via.IMPORT, now);
        announce(false, post);
        changed(post, null, false, now);
        return post;
    }

    /** What importing one feed item did; {@code reason} says why an item was skipped. */
    public record ImportResult(ImportOutcome outcome, String reason) {
        static final ImportResult CREATED = new ImportResult(ImportOutcome.CREATED, null);
        static final ImportResult UPDATED = new ImportResult(ImportOutcome.UPDATED, null);
        static final ImportResult UNCHANGED = new ImportResult(ImportOutcome.UNCHANGED, null);

        static ImportResult skipped(String reason) {
            return new ImportResult(ImportOutcome.SKIPPED, reason);
        }
    }

    public enum ImportOutcome { CREATED, UPDATED, UNCHANGED, SKIPPED }

    /**
     * Creates or updates the post for an imported item (CONTRACT section 7). Only a post that an
     * import of the same feed created, matched by the item's guid, is ever updated; an item whose
     * slug (current or former) belongs to any other post is skipped, never written over it. A post
     * whose fields already equal the item's is left alone, so a re-import changes nothing. Every
     * refusal happens before anything is changed, so a skipped item leaves the transaction clean.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportResult importItem(PostInput input, PostSource source, String actor) {
        Optional<Post> mine = posts.findImported(source.feed(), source.guid());
        Post owner = mine.orElse(null);
        if (input.slug() != null && posts.slugHolder(input.slug()).filter(holder -> holder != owner).isPresent()) {
            return ImportResult.skipped("the slug '" + input.slug() + "' belongs to a post this feed did not import");
        }
        try {
            if (mine.isEmpty()) {
                create(input, source, actor);
                return ImportResult.CREATED;
            }
            Post post = mine.get();
            Instant now = now();
            PostInput stored = stored(input, post, now);
            PostInput incoming = new PostInput(stored.title(), stored.markdown(), stored.slug(), stored.excerpt(),
                    stored.status(), stored.publishedAt(), stored.author(), stored.category(),
                    tagsFor(stored.tags()).stream().map(Tag::getSlug).toList());
            if (incoming.equals(currentInput(post, now))) {
                return ImportResult.UNCHANGED;
            }
            replaceNow(post.getSlug(), input, Precondition.NONE, actor, PostWritten.Via.IMPORT);
            return ImportResult.UPDATED;
        } catch (MarkdownTooComplexException e) {
            return ImportResult.skipped("markdown " + e.getMessage());
        } catch (ProblemException e) {
            return ImportResult.skipped(e.getMessage());
        }
    }

    /**
     * Replaces a post. A write that loses the race for the row to a concurrent one runs again on what
     * the winner stored, so it answers 412 when it carried an If-Match that no longer holds.
     */
    public PostView replace(String slug, PostInput input, Precondition precondition, String actor) {
        return transactions.write(() -> replaceNow(slug, input, precondition, actor, PostWritten.Via.API));
    }

    /**
     * Gives the post that has or had this slug the content of one of its revisions (CONTRACT
     * section 10), looked up by the post's id inside the write's transaction, as a write through
     * the same path as a PUT, recorded as a revision of its own.
     * A revision that was scheduled for an instant now past reads as published, as the post did.
     */
    public PostView restore(String slug, Function<UUID, PostInput> revisionOf, Precondition precondition, String actor) {
        return transactions.write(() -> {
            Post post = posts.slugHolder(slug).orElseThrow(() -> precondition.missing("post", slug));
            PostInput revision = revisionOf.apply(post.getId());
            PostInput content = revision.status() == PostStatus.SCHEDULED ? revision.withStatus(PostStatus.PUBLISHED) : revision;
            return replaceNow(post.getSlug(), content, precondition, actor, PostWritten.Via.RESTORE);
        });
    }

    private PostView replaceNow(String slug, PostInput input, Precondition precondition, String actor, PostWritten.Via via) {
        Instant now = now();
        Post post = posts.findBySlug(slug).orElseThrow(() -> precondition.missing("post", slug));
        PostView before = view(post, now);
        precondition.check(before, post.getUpdatedAt());
        boolean wasVisible = post.isVisibleSomeday();
        boolean wasPublic = post.isPublicAt(now);
        Prepared prepared = prepare(post, input, now);
        if (input.slug() != null && !input.slug().equals(post.getSlug())) {
            String old = post.getSlug();
            post.slug(claim(input.slug(), post));
            posts.addFormerSlug(post, old, now);
        }
        apply(post, prepared);
        post.touched(actor, now);
        posts.flush();
        index(post);
        written(post, actor, via, now);
        announce(wasVisible, post);
        return changed(post, before, wasPublic, now);
    }

    public PostView patch(String slug, JsonNode patch, Precondition precondition, String actor) {
        return transactions.write(() -> {
            Post post = posts.findBySlug(slug).orElseThrow(() -> precondition.missing("post", slug));
            return replaceNow(slug, mergePatch.apply(currentInput(post, now()), patch, PostInput.class), precondition, actor,
                    PostWritten.Via.API);
        });
    }

    /**
     * Tells the rest of the system that public content changed: only when the post was or is now
     * public or scheduled. A draft edit changes nothing an anonymous reader can see.
     */
    private void announce(boolean wasVisible, Post post) {
        if (wasVisible || post.isVisibleSomeday()) {
            changed.fire(new ContentChanged("post"));
        }
    }

    /** Tells whoever tells others (through {@link PostChanged}) what readers saw before and see now. */
    /** Returns the post's view now, built once for both the event and the write's answer. */
    private PostView changed(Post post, PostView before, boolean wasPublic, Instant now) {
        PostView after = view(post, now);
        PostView atPublication = post.getStatus() == PostStatus.SCHEDULED && !post.isPublicAt(now)
                ? PostView.of(post, urls, post.getPublishedAt(), true, true) : null;
        postChanged.fire(new PostChanged(post.getId(), post.getSlug(), wasPublic, before, after, atPublication));
        return after;
    }

    /** Tells the revision room (through {@link PostWritten}) what was stored, in the writing transaction. */
    private void written(Post post, String actor, PostWritten.Via via, Instant now) {
        written.fire(new PostWritten(post.getId(), now, actor, via, currentInput(post, now)));
    }

    /** The post as an editor would write it: what PATCH merges into and imports compare with. */
    private static PostInput currentInput(Post post, Instant now) {
        return new PostInput(post.getTitle(), post.getMarkdown(), post.getSlug(), post.getCustomExcerpt(),
                post.statusAt(now), post.getPublishedAt(), post.getAuthor(),
                post.getCategory() == null ? null : post.getCategory().getSlug(),
                post.getTags().stream().map(Tag::getSlug).toList());
    }

    public void delete(String slug, Precondition precondition) {
        transactions.run(() -> {
            Instant now = now();
            Post post = posts.findBySlug(slug).orElseThrow(() -> precondition.missing("post", slug));
            PostView before = view(post, now);
            precondition.check(before, post.getUpdatedAt());
            boolean wasVisible = post.isVisibleSomeday();
            postChanged.fire(new PostChanged(post.getId(), post.getSlug(), post.isPublicAt(now), before, null, null));
            posts.deleteFormerSlugsOf(post);
            posts.delete(post);
            posts.flush();
            if (wasVisible) {
                changed.fire(new ContentChanged("post"));
            }
        });
    }

    /**
     * Rewrites the links in other posts that still point at one of this post's former slugs so
     * they name the current one. Each post rewritten gets a new version, through the same
     * render-on-write path as any edit. Returns the slugs of the posts rewritten.
     */
    public List<String> rewriteIncomingLinks(String slug, String actor) {
        return transactions.write(() -> rewriteIncomingLinksNow(slug, actor));
    }

    private List<String> rewriteIncomingLinksNow(String slug, String actor) {
        Post post = posts.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("post", slug));
        List<String> former = posts.formerSlugsOf(post);
        if (former.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Link>> bySource = new LinkedHashMap<>();
        for (Link link : links.to(TargetType.POST, former)) {
            bySource.computeIfAbsent(link.getPostId(), k -> new ArrayList<>()).add(link);
        }
        String newPath = urls.postPath(post.getSlug());
        List<String> rewritten = new ArrayList<>();
        Instant now = now();
        for (var entry : bySource.entrySet()) {
            Post source = posts.findById(entry.getKey());
            String markdown = source.getMarkdown();
            for (Link link : entry.getValue()) {
                String newHref = link.getHref().replace(urls.postPath(link.getTargetSlug()), newPath);
                markdown = Pattern.compile(Pattern.quote(link.getHref()) + "(?=[\\s)\"'>#?]|$)").matcher(markdown)
                        .replaceAll(Matcher.quoteReplacement(newHref));
            }
            if (!markdown.equals(source.getMarkdown())) {
                replaceNow(source.getSlug(), currentInput(source, now).withMarkdown(markdown), Precondition.NONE, actor,
                        PostWritten.Via.API);
                rewritten.add(source.getSlug());
            }
        }
        return rewritten;
    }

    /** Result of re-rendering every post after a renderer upgrade. */
    public record RerenderReport(long total, long changed) {
    }

    public RerenderReport rerenderAll(String actor) {
        return transactions.write(() -> rerenderAllNow(actor));
    }

    private RerenderReport rerenderAllNow(String actor) {
        Instant now = now();
        long total = 0;
        long changed = 0;
        for (Post post : posts.findAll().list()) {
            total++;
            if (post.rendered(renderer.render(post.getMarkdown()))) {
                post.touched(actor, now);
                index(post);
                written(post, actor, PostWritten.Via.RERENDER, now);
                changed(post, null, post.isPublicAt(now), now);
                changed++;
            }
        }
        if (changed > 0) {
            this.changed.fire(new ContentChanged("post"));
        }
        return new RerenderReport(total, changed);
    }

    /** The link graph and the search index follow every write, in its transaction. */
    private void index(Post post) {
        links.replaceLinks(post.getId(), linkExtractor.extract(post.getHtml()));
        indexWords(post);
    }

    private void indexWords(Post post) {
        searchIndex.replace(post.getId(), post.getTitle(), post.getExcerpt(), post.getMarkdown());
    }

    /** Indexes up to {@code batch} posts (ids after {@code after}) written before the search index existed. */
    List<UUID> indexUnindexed(UUID after, int batch) {
        return transactions.write(() -> {
            List<Post> waiting = posts.withoutSearchWords(after, batch);
            waiting.forEach(this::indexWords);
            if (!waiting.isEmpty()) {
                changed.fire(new ContentChanged("post")); // searches answered before may now find more
            }
            return waiting.stream().map(Post::getId).toList();
        });
    }

    PostView view(Post post, Instant now) {
        return PostView.of(post, urls, now, true, true);
    }

    /** A write checked and rendered, before anything is changed: every refusal happens here. */
    private record Prepared(PostInput stored, Rendering rendering, Category category) {
    }

    private Prepared prepare(Post post, PostInput input, Instant now) {
        PostInput stored = stored(input, post, now);
        Rendering rendering = renderer.render(stored.markdown());
        if (rendering.html().length() > Post.MAX_HTML) {
            throw ProblemException.field("markdown", "renders to more than " + Post.MAX_HTML + " characters of HTML");
        }
        return new Prepared(stored, rendering, category(stored.category()));
    }

    private void apply(Post post, Prepared prepared) {
        PostInput stored = prepared.stored();
        Rendering rendering = prepared.rendering();
        post.content(stored.title(), stored.markdown(), stored.excerpt(), rendering);
        post.author(stored.author());
        post.publication(stored.status(), stored.publishedAt(), urls.post(post.getSlug()));
        post.classify(prepared.category(), tagsFor(stored.tags()));
    }

    /**
     * The input as a write stores it: text trimmed, defaults filled in, the publication resolved.
     * Writes apply it and imports compare with it, so both follow the same rules.
     */
    private PostInput stored(PostInput input, Post post, Instant now) {
        PostStatus status = input.status() == null ? PostStatus.DRAFT : input.status();
        if (input.publishedAt() != null && (input.publishedAt().isBefore(PostInput.EARLIEST) || input.publishedAt().isAfter(PostInput.LATEST))) {
            throw ProblemException.field("publishedAt", "must lie between the years 1970 and 9999");
        }
        Instant at = input.publishedAt() == null ? null : input.publishedAt().truncatedTo(ChronoUnit.MILLIS);
        switch (status) {
            case SCHEDULED -> {
                if (at == null || !at.isAfter(now)) {
                    throw ProblemException.field("publishedAt", "a scheduled post needs a publishedAt in the future");
                }
            }
            case PUBLISHED -> {
                if (at == null) {
                    // Republishing keeps the original date; a first publication is now.
                    at = post.getPublishedAt() != null && post.isPublicAt(now) ? post.getPublishedAt() : now;
                } else if (at.isAfter(now)) {
                    status = PostStatus.SCHEDULED; // published in the future is what scheduling means
                }
            }
            case DRAFT -> { }
        }
        return new PostInput(input.title().strip(), input.markdown(), input.slug(), blankToNull(input.excerpt()), status, at,
                input.author() == null || input.author().isBlank() ? defaultAuthor : input.author().strip(),
                blankToNull(input.category()), input.tags() == null ? List.of() : input.tags());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Category category(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        return categories.findOptional(slug)
                .orElseThrow(() -> ProblemException.field("category", "no category with slug '" + slug + "'"));
    }

    private List<Tag> tagsFor(List<String> names) {
        LinkedHashSet<Tag> found = new LinkedHashSet<>();
        for (String name : names) {
            found.add(tags.findOrCreate(name));
        }
        return new ArrayList<>(found);
    }

    /** An explicit slug: a 409 when another post has it; a former slug of any post can be taken over. */
    private String claim(String slug, Post owner) {
        Optional<Post> holder = posts.findBySlug(slug);
        if (holder.isPresent() && holder.get() != owner) {
            throw ProblemException.conflict("The post slug '" + slug + "' is taken");
        }
        posts.deleteFormerSlug(slug);
        return slug;
    }

    /** A derived slug never reuses a current or former slug, so old links keep their meaning. */
    private String freeSlugFor(String title) {
        String base = Slug.derive(title);
        if (base.isEmpty()) {
            base = "post";
        }
        for (int n = 1; ; n++) {
            String candidate = Slug.candidate(base, n);
            if (!posts.slugInUse(candidate)) {
                return candidate;
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
