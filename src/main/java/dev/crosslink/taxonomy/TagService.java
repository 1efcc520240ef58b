package dev.crosslink.taxonomy;

import dev.crosslink.post.PostRepository;
import dev.crosslink.web.ContentChanged;
import dev.crosslink.web.MergePatch;
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
public class TagService extends TermService<Tag> {

    private final PostRepository posts;
    private final SiteUrls urls;

    public TagService(TagRepository repository, PostRepository posts, MergePatch mergePatch, SiteUrls urls,
                           Event<ContentChanged> changed, Event<TermChanged> termChanged, Transactions transactions, Clock clock) {
        super(repository, mergePatch, changed, termChanged, transactions, posts, Tag.class, "tag", clock);
        this.posts = posts;
        this.urls = urls;
    }

    @Override
    protected Tag newTerm(String slug, String name, String description, boolean listed, Instant now) {
        return new Tag(slug, name, description, listed, now);
    }


    @Override
    protected String url(String slug) {
        return urls.tag(slug);
    }

    @Override
    protected Map<UUID, Long> publicPostCounts(Collection<UUID> ids, Instant now) {
        return posts.publicCountsByTag(ids, now);
    }

    /** Deleting a tag unlinks it; the posts stay and get a new version. */
    @Override
    protected void release(Tag tag) {
        posts.withTag(tag.getId()).forEach(post -> post.untag(tag));
    }
}
