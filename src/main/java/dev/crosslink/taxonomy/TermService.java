package dev.crosslink.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosslink.web.ContentChanged;
import dev.crosslink.web.MergePatch;
import dev.crosslink.web.Page;
import dev.crosslink.web.Precondition;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.Slug;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import dev.crosslink.database.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Categories and tags follow the same rules (CONTRACT sections 2 and 3); what differs, their URLs,
 * how posts are counted and what deleting one does to its posts, is left to the two subclasses.
 */
public abstract class TermService<T extends Term> {

    private PanacheRepositoryBase<T, UUID> repository;
    private MergePatch mergePatch;
    private String kind;
    private Event<ContentChanged> changed;
    private Event<TermChanged> termChanged;
    private Clock clock;
    private Transactions transactions;
    private TermVisibility visibility;
    private Class<T> type;

    /** For CDI's client proxies only. */
    protected TermService() {
    }

    protected TermService(PanacheRepositoryBase<T, UUID> repository, MergePatch mergePatch, Event<ContentChanged> changed,
                          Event<TermChanged> termChanged, Transactions transactions, TermVisibility visibility,
                          Class<T> type, String kind, Clock clock) {
        this.termChanged = termChanged;
        this.clock = clock;
        this.transactions = transactions;
        this.visibility = visibility;
        this.type = type;
        this.repository = repository;
        this.changed = changed;
        this.mergePatch = mergePatch;
        this.kind = kind;
    }

    protected abstract T newTerm(String slug, String name, String description, boolean listed, Instant now);

    protected abstract String url(String slug);

    /** Public posts per term id, for the given ids. */
    protected abstract Map<UUID, Long> publicPostCounts(Collection<UUID> ids, Instant now);

    /** Whatever must happen to posts before the term goes: refuse, or unlink. */
    protected abstract void release(T term);



    public TermView view(T term) {
        Map<UUID, Long> counts = publicPostCounts(List.of(term.getId()), now());
        return view(term, counts.getOrDefault(term.getId(), 0L));
    }

    private TermView view(T term, long postCount) {
        return new TermView(term.getSlug(), term.getName(), term.getDescription(), url(term.getSlug()), postCount);
    }

    /** A page of terms by name: all of them for editors, the visible ones (CONTRACT section 7) for anyone else. */
    @Transactional
    public Page<TermView> list(int page, int size, boolean editor) {
        Instant now = now();
        List<T> terms = editor ? repository.findAll(Sort.by("name").and("slug")).page(page - 1, size).list()
                : visibility.visibleTerms(type, page, size, now);
        Map<UUID, Long> counts = terms.isEmpty() ? Map.of()
                : publicPostCounts(terms.stream().map(Term::getId).toList(), now);
        List<TermView> items = terms.stream().map(t -> view(t, counts.getOrDefault(t.getId(), 0L))).toList();
        return Page.of(items, page, size, editor ? repository.count() : visibility.countVisibleTerms(type, now));
    }

    /** A term by slug; one that anonymous callers may not see yet is as unknown to them as one that does not exist. */
    @Transactional
    public T get(String slug, boolean editor) {
        T term = find(slug);
        if (!editor && !visibility.isVisible(type, term, now())) {
            throw ProblemException.notFound(kind, slug);
        }
        return term;
    }

    /** A new term; a derived slug that another request claims at the same moment is retried. */
    public T create(TermInput input) {
        return transactions.write(() -> createNow(input));
    }

    private T createNow(TermInput input) {
        String slug = input.slug() != null ? requireFree(input.slug()) : freeSlugFor(input.name());
        T term = newTerm(slug, input.name().strip(), input.description(), true, now());
        repository.persistAndFlush(term);
        changed.fire(new ContentChanged(kind));
        termChanged.fire(new TermChanged(kind, term.getSlug(), view(term)));
        return term;
    }

    public T replace(String slug, TermInput input, Precondition precondition) {
        return transactions.write(() -> replaceNow(slug, input, precondition));
    }

    private T replaceNow(String slug, TermInput input, Precondition precondition) {
        T term = findOptional(slug).orElseThrow(() -> precondition.missing(kind, slug));
        precondition.check(view(term), term.getUpdatedAt());
        String newSlug = input.slug() == null ? term.getSlug()
                : input.slug().equals(term.getSlug()) ? term.getSlug() : requireFree(input.slug());
        term.change(newSlug, input.name().strip(), input.description(), now());
        repository.flush();
        changed.fire(new ContentChanged(kind));
        termChanged.fire(new TermChanged(kind, term.getSlug(), view(term)));
        return term;
    }

    public T patch(String slug, JsonNode patch, Precondition precondition) {
        return transactions.write(() -> {
            T term = findOptional(slug).orElseThrow(() -> precondition.missing(kind, slug));
            TermInput current = new TermInput(term.getName(), term.getSlug(), term.getDescription());
            return replaceNow(slug, mergePatch.apply(current, patch, TermInput.class), precondition);
        });
    }

    public void delete(String slug, Precondition precondition) {
        transactions.run(() -> {
            T term = findOptional(slug).orElseThrow(() -> precondition.missing(kind, slug));
            precondition.check(view(term), term.getUpdatedAt());
            release(term);
            repository.delete(term);
            repository.flush();
            changed.fire(new ContentChanged(kind));
            termChanged.fire(new TermChanged(kind, slug, null));
        });
    }

    /**
     * The term a post names by slug or by name, created when there is none. Used for tags
     * ("unknown ones are created") and by the importer for categories.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public T findOrCreate(String slugOrName) {
        String given = slugOrName.strip();
        if (Slug.isValid(given)) {
            var bySlug = repository.find("slug", given).firstResultOptional();
            if (bySlug.isPresent()) {
                return bySlug.get();
            }
        }
        var byName = repository.find("lower(name) = ?1", given.toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
        if (byName.isPresent()) {
            return byName.get();
        }
        String derived = Slug.derive(given);
        if (!derived.isEmpty()) {
            var byDerived = repository.find("slug", derived).firstResultOptional();
            if (byDerived.isPresent()) {
                return byDerived.get();
            }
        }
        // The derived slug itself, not the next free one: a request naming the same new term at the
        // same moment then collides on the unique slug and is retried, finding this term (one term, shared).
        T term = newTerm(derived.isEmpty() ? freeSlugFor(given) : derived, given, null, false, now());
        repository.persist(term);
        // Not listed: it becomes visible with the first public post that uses it, which announces itself.
        return term;
    }

    public java.util.Optional<T> findOptional(String slug) {
        return repository.find("slug", slug).firstResultOptional();
    }

    protected T find(String slug) {
        return findOptional(slug).orElseThrow(() -> ProblemException.notFound(kind, slug));
    }

    /** The clock every post read uses too, so a term's visibility and its posts' agree at every instant. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private String requireFree(String slug) {
        if (repository.count("slug", slug) > 0) {
            throw ProblemException.conflict("The " + kind + " slug '" + slug + "' is taken");
        }
        return slug;
    }

    private String freeSlugFor(String name) {
        String base = Slug.derive(name);
        if (base.isEmpty()) {
            base = kind;
        }
        for (int n = 1; ; n++) {
            String candidate = Slug.candidate(base, n);
            if (repository.count("slug", candidate) == 0) {
                return candidate;
            }
        }
    }
}
