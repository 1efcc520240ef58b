package dev.crosslink.post;

import dev.crosslink.database.InList;
import dev.crosslink.graph.GraphSource;
import dev.crosslink.graph.TargetType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.query.NativeQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The post room's answers to the graph: posts and terms read as small tuples through indexes
 * (never a post's body), with the public rule of {@link PostRepository#PUBLIC}.
 */
@ApplicationScoped
class PostGraphSource implements GraphSource {

    private static final String NODE = "select p.id, p.slug, p.title, p.category.id";

    private final EntityManager em;

    PostGraphSource(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<PostNode> post(String slug, Reader reader) {
        return Optional.ofNullable(postsBySlug(List.of(slug), reader).get(slug));
    }

    @Override
    public Map<String, PostNode> postsBySlug(Collection<String> slugs, Reader reader) {
        Map<String, PostNode> found = new HashMap<>();
        InList.chunks(slugs, chunk -> {
            for (Object[] row : rows(NODE + ", p.slug from Post p where p.slug in :slugs", chunk, "slugs", reader)) {
                found.put((String) row[4], node(row));
            }
            // A slug is someone's current slug or someone's former one, never both (PostService.claim).
            for (Object[] row : rows(NODE + ", f.slug from FormerSlug f join f.post p where f.slug in :slugs", chunk, "slugs", reader)) {
                found.put((String) row[4], node(row));
            }
        });
        return found;
    }

    @Override
    public Map<UUID, PostNode> postsById(Collection<UUID> ids, Reader reader) {
        Map<UUID, PostNode> found = new HashMap<>();
        InList.chunks(ids, chunk -> rows(NODE + " from Post p where p.id in :ids", chunk, "ids", reader)
                .forEach(row -> found.put((UUID) row[0], node(row))));
        return found;
    }

    @Override
    public Map<UUID, List<String>> slugsOf(Collection<UUID> postIds) {
        Map<UUID, List<String>> slugs = new HashMap<>();
        InList.chunks(postIds, chunk -> {
            for (String query : List.of("select p.id, p.slug from Post p where p.id in :ids",
                    "select f.post.id, f.slug from FormerSlug f where f.post.id in :ids")) {
                em.createQuery(query, Object[].class).setParameter("ids", chunk).getResultList()
                        .forEach(row -> slugs.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((String) row[1]));
            }
        });
        return slugs;
    }

    @Override
    public Map<UUID, List<UUID>> tagsOf(Collection<UUID> postIds) {
        Map<UUID, List<UUID>> tags = new HashMap<>();
        InList.chunks(postIds, chunk -> em.createQuery("select p.id, t.id from Post p join p.tags t where p.id in :ids"
                        + " order by p.id, index(t)", Object[].class)
                .setParameter("ids", chunk).getResultList()
                .forEach(row -> tags.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1])));
        return tags;
    }

    @Override
    public Map<UUID, Integer> postsTagged(Collection<UUID> tagIds, Reader reader) {
        Map<UUID, Integer> counts = new HashMap<>();
        InList.chunks(tagIds, chunk -> rows("select p.id, count(t) from Post p join p.tags t where t.id in :ids", chunk, "ids",
                reader, " group by p.id")
                .forEach(row -> counts.merge((UUID) row[0], ((Long) row[1]).intValue(), Integer::sum)));
        return counts;
    }

    @Override
    public List<UUID> postsInCategory(UUID categoryId, Reader reader) {
        return rows("select p.id, p.slug from Post p where p.category.id in :ids", List.of(categoryId), "ids", reader)
                .stream().map(row -> (UUID) row[0]).toList();
    }

    @Override
    public List<Sharing> sharingTerms(Collection<UUID> tagIds, UUID categoryId, Set<UUID> except, int limit, Reader reader) {
        int wanted = limit + except.size(); // the first `limit` of those not excepted are among these
        List<Sharing> found = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        String rule = reader.editor() ? "" : " and " + visible(reader, params);
        if (!tagIds.isEmpty()) {
            // posts with one of the tags, from post_tag by tag (ix_post_tag_tag), the category's point added here
            String score = "count(t)" + (categoryId == null ? "" : " + case when p.category.id = :category then 1 else 0 end");
            TypedQuery<Object[]> tagged = em.createQuery(NODE + ", " + score + " from Post p join p.tags t where t.id in :tags"
                    + rule + " group by p.id, p.slug, p.title, p.category.id order by " + score + " desc, p.slug", Object[].class);
            params.forEach(tagged::setParameter);
            if (categoryId != null) {
                tagged.setParameter("category", categoryId);
            }
            tagged.setParameter("tags", tagIds).setMaxResults(wanted).getResultList()
                    .forEach(row -> found.add(new Sharing(node(row), ((Number) row[4]).intValue())));
        }
        if (categoryId != null) {
            // the category's other posts score 1 each: the first few by slug (ix_post_category_slug) are all that can make it
            String untagged = tagIds.isEmpty() ? ""
                    : " and not exists (select 1 from Post q join q.tags x where q.id = p.id and x.id in :tags)";
            TypedQuery<Object[]> rest = em.createQuery(NODE + " from Post p where p.category.id = :category" + untagged + rule
                    + " order by p.slug", Object[].class);
            params.forEach(rest::setParameter);
            if (!tagIds.isEmpty()) {
                rest.setParameter("tags", tagIds);
            }
            rest.setParameter("category", categoryId).setMaxResults(wanted).getResultList()
                    .forEach(row -> found.add(new Sharing(node(row), 1)));
        }
        return found.stream().filter(s -> !except.contains(s.post().id()))
                .sorted(Comparator.comparingInt(Sharing::score).reversed().thenComparing(s -> s.post().slug()))
                .limit(limit).toList();
    }

    @Override
    public Map<String, TermNode> terms(TargetType type, Collection<String> slugs) {
        Map<String, TermNode> found = new HashMap<>();
        InList.chunks(slugs, chunk -> em.createQuery("select t.id, t.slug, t.name, t.listed from " + entity(type)
                        + " t where t.slug in :slugs", Object[].class)
                .setParameter("slugs", chunk).getResultList()
                .forEach(row -> found.put((String) row[1], term(row))));
        return found;
    }

    @Override
    public Map<UUID, TermNode> termsById(TargetType type, Collection<UUID> ids) {
        Map<UUID, TermNode> found = new HashMap<>();
        InList.chunks(ids, chunk -> em.createQuery("select t.id, t.slug, t.name, t.listed from " + entity(type)
                        + " t where t.id in :ids", Object[].class)
                .setParameter("ids", chunk).getResultList()
                .forEach(row -> found.put((UUID) row[0], term(row))));
        return found;
    }

    @Override
    public Set<UUID> usedTerms(TargetType type, Collection<UUID> ids, Reader reader) {
        Set<UUID> used = new HashSet<>();
        String query = type == TargetType.CATEGORY
                ? "select distinct p.category.id from Post p where p.category.id in :ids"
                : "select distinct t.id from Post p join p.tags t where t.id in :ids";
        InList.chunks(ids, chunk -> {
            Map<String, Object> params = new HashMap<>(Map.of("ids", chunk));
            TypedQuery<UUID> typed = em.createQuery(query + (reader.editor() ? "" : " and " + visible(reader, params)), UUID.class);
            params.forEach(typed::setParameter);
            used.addAll(typed.getResultList());
        });
        return used;
    }

    @Override
    public List<PostNode> allPosts(Reader reader) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Object[]> query = em.createQuery(NODE + " from Post p" + (reader.editor() ? "" : " where " + visible(reader, params)),
                Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(PostGraphSource::node).toList();
    }

    @Override
    public Map<String, UUID> allFormerSlugs() {
        Map<String, UUID> slugs = new HashMap<>();
        em.createQuery("select f.slug, f.post.id from FormerSlug f", Object[].class).getResultList()
                .forEach(row -> slugs.put((String) row[0], (UUID) row[1]));
        return slugs;
    }

    @Override
    public List<TermNode> allTerms(TargetType type) {
        return em.createQuery("select t.id, t.slug, t.name, t.listed from " + entity(type) + " t", Object[].class)
                .getResultList().stream().map(PostGraphSource::term).toList();
    }

    @Override
    public List<UUID[]> allTaggings() {
        // The join table alone: joining post and tag rows too would read 20,000 posts to learn nothing.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select post_id, tag_id from post_tag order by post_id, position")
                .unwrap(NativeQuery.class).addScalar("post_id", UUID.class).addScalar("tag_id", UUID.class)
                .getResultList();
        return rows.stream().map(row -> new UUID[] {(UUID) row[0], (UUID) row[1]}).toList();
    }

    /** Rows of a query on post {@code p} whose {@code where} ends in an IN parameter, the public rule added for readers. */
    private List<Object[]> rows(String query, Collection<?> in, String parameter, Reader reader) {
        return rows(query, in, parameter, reader, "");
    }

    private List<Object[]> rows(String query, Collection<?> in, String parameter, Reader reader, String tail) {
        Map<String, Object> params = new HashMap<>();
        params.put(parameter, in);
        String rule = reader.editor() ? "" : " and " + visible(reader, params);
        TypedQuery<Object[]> typed = em.createQuery(query + rule + tail, Object[].class);
        params.forEach(typed::setParameter);
        return typed.getResultList();
    }

    private static String visible(Reader reader, Map<String, Object> params) {
        params.put("draft", PostStatus.DRAFT);
        params.put("now", reader.now());
        return PostRepository.PUBLIC;
    }

    private static String entity(TargetType type) {
        return switch (type) {
            case CATEGORY -> "Category";
            case TAG -> "Tag";
            case POST -> throw new IllegalArgumentException("posts are not terms");
        };
    }

    private static PostNode node(Object[] row) {
        return new PostNode((UUID) row[0], (String) row[1], (String) row[2], (UUID) row[3]);
    }

    private static TermNode term(Object[] row) {
        return new TermNode((UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3]);
    }
}
