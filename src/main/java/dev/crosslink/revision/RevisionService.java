package dev.crosslink.revision;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.crosslink.post.PostInput;
import dev.crosslink.post.PostRepository;
import dev.crosslink.post.PostService;
import dev.crosslink.post.PostView;
import dev.crosslink.post.PostWritten;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.Page;
import dev.crosslink.web.Precondition;
import dev.crosslink.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Revisions (CONTRACT section 10): every post write is recorded in its own transaction, through
 * {@link PostWritten}, so the post room never calls this one; reading them goes through any slug
 * the post ever had; a restore is a post write like any other.
 */
@ApplicationScoped
public class RevisionService {

    /** A revision's fields, in the order a diff names them. */
    private static final Map<String, Function<PostInput, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", PostInput::title);
        FIELDS.put("markdown", PostInput::markdown);
        FIELDS.put("slug", PostInput::slug);
        FIELDS.put("excerpt", PostInput::excerpt);
        FIELDS.put("status", PostInput::status);
        FIELDS.put("publishedAt", PostInput::publishedAt);
        FIELDS.put("author", PostInput::author);
        FIELDS.put("category", PostInput::category);
        FIELDS.put("tags", PostInput::tags);
    }

    private final RevisionRepository revisions;
    private final PostRepository posts;
    private final PostService postService;
    private final int keep;

    public RevisionService(RevisionRepository revisions, PostRepository posts, PostService postService, CmsConfig config) {
        this.revisions = revisions;
        this.posts = posts;
        this.postService = postService;
        this.keep = Math.max(1, config.revisions().keep());
    }

    /** Runs inside the writing transaction: the revision commits or rolls back with the write. */
    void record(@Observes PostWritten written) {
        int number = revisions.lastNumber(written.postId()) + 1;
        revisions.persist(new Revision(written.postId(), number, written.at(), written.actor(), written.via().wire(),
                written.content()));
        if (number > keep) {
            revisions.deleteUpTo(written.postId(), number - keep);
        }
    }

    @Transactional
    public Page<RevisionView> list(String slug, int page, int size, boolean withMarkdown) {
        UUID post = postId(slug);
        List<RevisionView> items = revisions.newestFirst(post, page, size).stream()
                .map(r -> RevisionView.of(r, withMarkdown)).toList();
        return Page.of(items, page, size, revisions.countOf(post));
    }

    @Transactional
    public RevisionView get(String slug, int number) {
        return RevisionView.of(revision(slug, postId(slug), number), true);
    }

    /** What changed from revision {@code from} (default: the one before) to {@code number}. */
    @Transactional
    public RevisionDiff diff(String slug, int number, Integer from) {
        UUID post = postId(slug);
        Revision to = revision(slug, post, number);
        Revision base = from == null ? revisions.before(post, number).orElse(null) : revision(slug, post, from);
        PostInput before = base == null ? null : base.content();
        PostInput after = to.content();
        List<String> changed = new ArrayList<>();
        FIELDS.forEach((field, value) -> {
            if (before == null || !Objects.equals(value.apply(before), value.apply(after))) {
                changed.add(field);
            }
        });
        List<String> oldLines = before == null ? List.of() : before.markdown().lines().toList();
        List<String> newLines = after.markdown().lines().toList();
        String name = "/api/posts/" + slug + "/revisions/";
        List<String> unified = oldLines.equals(newLines) ? List.of() : UnifiedDiffUtils.generateUnifiedDiff(
                base == null ? "/dev/null" : name + base.number(), name + to.number(), oldLines,
                DiffUtils.diff(oldLines, newLines), 3);
        return new RevisionDiff(base == null ? null : base.number(), to.number(), changed,
                unified.isEmpty() ? "" : String.join("\n", unified) + "\n");
    }

    /** The post's content becomes revision {@code number}'s again, recorded as a new revision. */
    public PostView restore(String slug, int number, Precondition precondition, String actor) {
        return postService.restore(slug, post -> revision(slug, post, number).content(), precondition, actor);
    }

    private UUID postId(String slug) {
        return posts.slugHolder(slug).orElseThrow(() -> ProblemException.notFound("post", slug)).getId();
    }

    private Revision revision(String slug, UUID post, int number) {
        return revisions.find(post, number)
                .orElseThrow(() -> new ProblemException(404, "The post '" + slug + "' has no revision " + number));
    }
}
