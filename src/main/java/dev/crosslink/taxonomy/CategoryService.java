package dev.crosslink.taxonomy;

import dev.crosslink.post.PostRepository;
import dev.crosslink.web.ContentChanged;
import dev.crosslink.web.MergePatch;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.SiteUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import dev.crosslink.database.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class CategoryService extends TermService<Category> {

    private final PostRepository posts;
    private final SiteUrls urls;

    public CategoryService(CategoryRepository repository, PostRepository posts, MergePatch mergePatch, SiteUrls urls,
                           Event<ContentChanged> changed, Event<TermChanged> termChanged, Transactions transactions, Clock clock) {
        super(repository, mergePatch, changed, termChanged, transactions, posts, Category.class, "category", clock);
        this.posts = posts;
        this.urls = urls;
    }

    @Override
    protected Category newTerm(String slug, String name, String description, boolean listed, Instant now) {
        return new Category(slug, name, description, listed, now);
    }


    @Override
    protected String url(String slug) {
        return urls.category(slug);
    }

    @Override
    protected Map<UUID, Long> publicPostCounts(Collection<UUID> ids, Instant now) {
        return posts.publicCountsByCategory(ids, now);
    }

    /** A category still named by posts (drafts included) stays: deleting it would silently re-file them. */
    @Override
    protected void release(Category category) {
        long used = posts.countInCategory(category.getId());
        if (used > 0) {
            throw ProblemException.conflict("The category '" + category.getSlug() + "' is used by " + used
                    + " post(s); move them to another category first");
        }
    }
}
