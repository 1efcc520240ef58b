package dev.crosslink.post;

import dev.crosslink.search.SearchIndex;
import dev.crosslink.taxonomy.Category;
import dev.crosslink.taxonomy.Term;
import dev.crosslink.taxonomy.TermVisibility;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID>, TermVisibility {

    /** The one definition of "public" in queries; it must agree with {@link Post#isPublicAt}. */
    static final String PUBLIC = "p.status <> :draft and p.publishedAt <= :now";

    private final SearchIndex searchIndex;

    public PostRepository(SearchIndex searchIndex) {
        this.searchIndex = searchIndex;
    }

    /**
     * What a list asks for, already checked. {@code search} holds q's search words (SearchWords),
     * null when there is no q; no words is a q with nothing searchable in it, which matches nothing.
     */
    public record Filter(boolean publicOnly, PostStatus status, String category, List<String> tags, SearchIndex.Search search,
                         PostListParams.SortOrder sort, Instant now) {
    }

    /**
     * The post with this slug, its body read in the same statement: a body loaded later, lazily,
     * could belong to a post a concurrent delete has removed since.
     */
    public Optional<Post> findBySlug(String slug) {
        return getEntityManager().createQuery("select p from Post p left join fetch p.body where p.slug = :slug", Post.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** The post an import of this feed made for this guid: the only post such an import may update. */
    public Optional<Post> findImported(String feed, String guid) {
        if (guid == null) {
            return Optional.empty();
        }
        return feed == null
                ? find("source.kind = 'import' and source.guid = ?1 and source.feed is null", guid).firstResultOptional()
                : find("source.kind = 'import' and source.guid = ?1 and source.feed = ?2", guid, feed).firstResultOptional();
    }

    /** The post that holds a slug, as its current slug or a former one. */
    public Optional<Post> slugHolder(String slug) {
        return findBySlug(slug).or(() -> findFormerSlug(slug).map(FormerSlug::getPost));
    }

    public Optional<FormerSlug> findFormerSlug(String slug) {
        return getEntityManager().createQuery("select f from FormerSlug f join fetch f.post where f.slug = :slug", FormerSlug.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /**
     * How many posts a list has; for a text search, counted only up to its maxResults (past that,
     * {@code exact} is false and {@code value} is the bound): a search for words in nearly every
     * post would otherwise read them all for a number nobody pages to.
     */
    public record Count(long value, boolean exact) {
    }

    public Count count(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(conditions(filter, params, true));
        if (filter.search() != null) {
            int max = filter.search().maxResults();
            TypedQuery<UUID> matches = getEntityManager().createQuery("select p.id from Post p" + where, UUID.class);
            params.forEach(matches::setParameter);
            int found = matches.setMaxResults(max + 1).getResultList().size();
            return found > max ? new Count(max, false) : new Count(found, true);
        }
        TypedQuery<Long> query = getEntityManager().createQuery("select count(p) from Post p" + where, Long.class);
        params.forEach(query::setParameter);
        return new Count(query.getSingleResult(), true);
    }

    /**
     * One page of posts, with their bodies when {@code withBodies} (their Markdown or HTML will be
     * read); {@code count} is what {@link #count} said for this filter, and no page goes past it.
     * The page's ids come first, from a query that reads only the post table's indexed columns
     * (the sort orders have indexes that end in the id, V9); then only those posts are loaded. A
     * page in the second half of a counted list is read from the other end, in the reverse order:
     * the last page steps over as few index entries as the first does, and no page over more than
     * half of them.
     */
    public List<Post> list(Filter filter, int page, int size, Count count, boolean withBodies) {
        long offset = (long) (page - 1) * size;
        if (offset >= count.value()) {
            return List.of();
        }
        int end = (int) Math.min(count.value(), offset + size); // this page is [offset, end) of the order
        boolean relevance = filter.sort().property().equals("relevance") && filter.search() != null
                && !filter.search().words().isEmpty();
        return byIds(relevance ? ranked(filter, (int) offset, end) : ordered(filter, (int) offset, end, count), withBodies);
    }

    /** The first {@code size} posts in the filter's order, without counting them (feeds). */
    public List<Post> first(Filter filter, int size, boolean withBodies) {
        return list(filter, 1, size, new Count(size, false), withBodies);
    }

    /** The ids in places [offset, end) of the filter's sort order. */
    private List<UUID> ordered(Filter filter, int offset, int end, Count count) {
        boolean fromEnd = count.exact() && offset > count.value() / 2;
        Map<String, Object> params = new HashMap<>();
        TypedQuery<UUID> ids = getEntityManager().createQuery("select p.id from Post p" + where(conditions(filter, params, true))
                + " order by " + order(filter.sort(), fromEnd), UUID.class);
        params.forEach(ids::setParameter);
        if (!fromEnd) {
            return ids.setFirstResult(offset).setMaxResults(end - offset).getResultList();
        }
        List<UUID> reversed = new ArrayList<>(ids.setFirstResult((int) (count.value() - end)).setMaxResults(end - offset).getResultList());
        Collections.reverse(reversed);
        return reversed;
    }

    /**
     * The JPQL order of a sort, or its exact reverse: the id breaks ties in the same direction, so
     * one index serves the whole order, either way; posts without a publication instant come last.
     */
    private static String order(PostListParams.SortOrder sort, boolean reversed) {
        String direction = sort.descending() != reversed ? " desc" : " asc";
        return switch (sort.property()) {
            case "title" -> "lower(p.title)" + direction;
            case "updatedAt" -> "p.updatedAt" + direction;
            default -> "p.publishedAt" + direction + (reversed ? " nulls first" : " nulls last");
        } + ", p.id" + direction;
    }

    /**
     * The ids in places [offset, end) by relevance: from the search index's threshold walk, or,
     * when that gives up, from every match ranked in one grouped query, in the same order.
     */
    private List<UUID> ranked(Filter filter, int offset, int end) {
        SearchIndex.Search search = filter.search();
        var top = searchIndex.topByRelevance(search, end, candidates -> admitted(filter, candidates));
        if (top.isPresent()) {
            List<UUID> ids = top.get();
            return ids.subList(Math.min(offset, ids.size()), ids.size());
        }
        Map<String, Object> params = new HashMap<>();
        return byRelevance(conditions(filter, params, false), params, search.words())
                .setFirstResult(offset).setMaxResults(end - offset).getResultList();
    }

    /** Of these candidates, those that pass the filter's conditions other than its words, with their publication instants. */
    private Map<UUID, Instant> admitted(Filter filter, Collection<UUID> candidates) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = conditions(filter, params, false);
        conditions.add(0, "p.id in :candidates");
        TypedQuery<Object[]> query = getEntityManager().createQuery("select p.id, p.publishedAt from Post p" + where(conditions), Object[].class);
        params.forEach(query::setParameter);
        Map<UUID, Instant> admitted = new HashMap<>();
        query.setParameter("candidates", candidates).getResultList().forEach(row -> admitted.put((UUID) row[0], (Instant) row[1]));
        return admitted;
    }

    /**
     * Every post that matches every search word, ranked from their words' index rows in one
     * grouped query (its cost is the rows of the query's words, not a subquery per post).
     */
    private TypedQuery<UUID> byRelevance(List<String> conditions, Map<String, Object> params, List<String> words) {
        List<String> all = new ArrayList<>(conditions);
        all.add(0, "r.key.word in :words");
        // every word must be there: one index row per word and post, so the group has all of them
        TypedQuery<UUID> ranked = getEntityManager().createQuery("select p.id from PostWord r join Post p on p.id = r.key.postId"
                + where(all)
                + " group by p.id, p.publishedAt having count(r) = :wordCount"
                + " order by sum(r.weight) desc, p.publishedAt desc nulls last, p.id desc", UUID.class);
        params.forEach(ranked::setParameter);
        return ranked.setParameter("words", words).setParameter("wordCount", (long) words.size());
    }

    /** These posts with their categories (and bodies, read with them, when asked), in the order of the ids. */
    private List<Post> byIds(List<UUID> ids, boolean withBodies) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Post> byId = new HashMap<>();
        getEntityManager().createQuery("select p from Post p left join fetch p.category"
                        + (withBodies ? " left join fetch p.body" : "") + " where p.id in :ids", Post.class)
                .setParameter("ids", ids).getResultList().forEach(p -> byId.put(p.getId(), p));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The filter as JPQL conditions on post {@code p}; the search words only when {@code withWords}. */
    private static List<String> conditions(Filter filter, Map<String, Object> params, boolean withWords) {
        List<String> clauses = new ArrayList<>();
        if (filter.publicOnly() || filter.status() == PostStatus.PUBLISHED) {
            clauses.add(PUBLIC);
            params.put("draft", PostStatus.DRAFT);
            params.put("now", filter.now());
        } else if (filter.status() == PostStatus.SCHEDULED) {
            clauses.add("p.status = :scheduled and p.publishedAt > :now");
            params.put("scheduled", PostStatus.SCHEDULED);
            params.put("now", filter.now());
        } else if (filter.status() == PostStatus.DRAFT) {
            clauses.add("p.status = :draft");
            params.put("draft", PostStatus.DRAFT);
        }
        if (filter.category() != null) {
            clauses.add("p.category.slug = :category");
            params.put("category", filter.category());
        }
        // Each tag's posts straight from post_tag by its index (ix_post_tag_tag), not a probe per post.
        for (int i = 0; i < filter.tags().size(); i++) {
            clauses.add("p.id in (select p" + i + ".id from Post p" + i + " join p" + i + ".tags t" + i
                    + " where t" + i + ".slug = :tag" + i + ")");
            params.put("tag" + i, filter.tags().get(i));
        }
        if (filter.search() != null && withWords) {
            List<String> words = filter.search().words();
            if (words.isEmpty()) {
                clauses.add("1 = 0"); // nothing searchable in q ("%", "!!"): nothing matches
            }
            // The rarest word drives unless it is common; the others are probed per post it yields.
            for (int i = 0; i < words.size(); i++) {
                clauses.add(i == 0 && !filter.search().common() ? SearchIndex.match("p", "word" + i) : SearchIndex.probe("p", "word" + i));
                params.put("word" + i, words.get(i));
            }
        }
        return clauses;
    }

    public Map<UUID, Long> publicCountsByCategory(Collection<UUID> categoryIds, Instant now) {
        return counts("select p.category.id, count(p) from Post p where p.category.id in :ids and " + PUBLIC
                + " group by p.category.id", categoryIds, now);
    }

    public Map<UUID, Long> publicCountsByTag(Collection<UUID> tagIds, Instant now) {
        return counts("select t.id, count(p) from Post p join p.tags t where t.id in :ids and " + PUBLIC
                + " group by t.id", tagIds, now);
    }

    private Map<UUID, Long> counts(String hql, Collection<UUID> ids, Instant now) {
        Map<UUID, Long> counts = new HashMap<>();
        getEntityManager().createQuery(hql, Object[].class)
                .setParameter("ids", ids).setParameter("draft", PostStatus.DRAFT).setParameter("now", now)
                .getResultList().forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Terms anonymous callers may see (CONTRACT section 7): listed ones, and those a public post
     * uses. Here, beside {@link #PUBLIC}, because "used by a public post" is the post rule.
     */
    @Override
    public <T extends Term> List<T> visibleTerms(Class<T> type, int page, int size, Instant now) {
        return getEntityManager().createQuery("select t from " + type.getSimpleName() + " t where "
                        + visibility(type) + " order by t.name, t.slug", type)
                .setParameter("draft", PostStatus.DRAFT).setParameter("now", now)
                .setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
    }

    @Override
    public long countVisibleTerms(Class<? extends Term> type, Instant now) {
        return getEntityManager().createQuery("select count(t) from " + type.getSimpleName() + " t where " + visibility(type), Long.class)
                .setParameter("draft", PostStatus.DRAFT).setParameter("now", now).getSingleResult();
    }

    @Override
    public <T extends Term> boolean isVisible(Class<T> type, T term, Instant now) {
        return term.isListed() || getEntityManager().createQuery("select count(t) from " + type.getSimpleName()
                        + " t where t.id = :id and " + visibility(type), Long.class)
                .setParameter("id", term.getId()).setParameter("draft", PostStatus.DRAFT).setParameter("now", now)
                .getSingleResult() > 0;
    }

    private static String visibility(Class<? extends Term> type) {
        String use = Category.class.isAssignableFrom(type)
                ? "select p.id from Post p where p.category = t and " + PUBLIC
                : "select p.id from Post p join p.tags x where x = t and " + PUBLIC;
        return "(t.listed = true or exists (" + use + "))";
    }

    /** A public post's, or a term's public posts', slug and newest write and publication instants. */
    public record Stamp(String slug, Instant updatedAt, Instant publishedAt) {
    }

    /** Every public post, by slug (the sitemap). */
    public List<Stamp> publicStamps(Instant now) {
        return getEntityManager().createQuery("select p.slug, p.updatedAt, p.publishedAt from Post p where " + PUBLIC
                        + " order by p.slug", Object[].class)
                .setParameter("draft", PostStatus.DRAFT).setParameter("now", now).getResultList().stream()
                .map(row -> new Stamp((String) row[0], (Instant) row[1], (Instant) row[2])).toList();
    }

    /** Every category or tag a public post uses, by slug, with its public posts' newest instants (the sitemap). */
    public List<Stamp> publicTermStamps(Class<? extends Term> type, Instant now) {
        String join = Category.class.isAssignableFrom(type) ? "join p.category t" : "join p.tags t";
        return getEntityManager().createQuery("select t.slug, max(p.updatedAt), max(p.publishedAt) from Post p " + join
                        + " where " + PUBLIC + " group by t.slug order by t.slug", Object[].class)
                .setParameter("draft", PostStatus.DRAFT).setParameter("now", now).getResultList().stream()
                .map(row -> new Stamp((String) row[0], (Instant) row[1], (Instant) row[2])).toList();
    }

    /** When the next scheduled post goes public, if any is waiting. */
    public Optional<Instant> nextPublicationAfter(Instant now) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(p.publishedAt) from Post p where p.status <> :draft and p.publishedAt > :now", Instant.class)
                .setParameter("draft", PostStatus.DRAFT).setParameter("now", now).getSingleResult());
    }

    /** Posts with no words in the search index: those written before it existed (SearchBackfill). */
    List<Post> withoutSearchWords(UUID after, int limit) {
        return getEntityManager().createQuery("select p from Post p where (:after is null or p.id > :after) and not exists "
                        + "(select 1 from PostWord w where w.key.postId = p.id) order by p.id", Post.class)
                .setParameter("after", after).setMaxResults(limit).getResultList();
    }

    public long countInCategory(UUID categoryId) {
        return count("category.id", categoryId);
    }

    public List<Post> withTag(UUID tagId) {
        return find("select p from Post p join p.tags t where t.id = ?1", tagId).list();
    }

    public boolean slugInUse(String slug) {
        return count("slug", slug) > 0
                || getEntityManager().createQuery("select count(f) from FormerSlug f where f.slug = :s", Long.class)
                .setParameter("s", slug).getSingleResult() > 0;
    }

    public List<String> formerSlugsOf(Post post) {
        return getEntityManager().createQuery("select f.slug from FormerSlug f where f.post = :p order by f.slug", String.class)
                .setParameter("p", post).getResultList();
    }

    void deleteFormerSlug(String slug) {
        getEntityManager().createQuery("delete from FormerSlug f where f.slug = :s").setParameter("s", slug).executeUpdate();
    }

    void deleteFormerSlugsOf(Post post) {
        getEntityManager().createQuery("delete from FormerSlug f where f.post = :p").setParameter("p", post).executeUpdate();
    }

    void addFormerSlug(Post post, String slug, Instant now) {
        getEntityManager().persist(new FormerSlug(slug, post, now));
    }
}
