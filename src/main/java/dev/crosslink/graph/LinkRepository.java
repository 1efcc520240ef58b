package dev.crosslink.graph;

import dev.crosslink.database.InList;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LinkRepository implements PanacheRepositoryBase<Link, UUID> {

    private static final String ROW = "select l.postId, l.position, l.href, l.text, l.targetType, l.targetSlug from Link l where l.kind = 'internal'";

    /** Replaces a post's links with those in its current HTML. */
    public void replaceLinks(UUID postId, List<ExtractedLink> links) {
        delete("postId", postId);
        for (int i = 0; i < links.size(); i++) {
            persist(new Link(postId, i, links.get(i)));
        }
    }

    public List<Link> to(TargetType type, List<String> slugs) {
        return find("targetType = ?1 and targetSlug in ?2", Sort.by("position"), type.wire(), slugs).list();
    }

    /** One post's links, internal and external, in document order. */
    List<Link> from(UUID postId) {
        return find("postId", Sort.by("position"), postId).list();
    }

    // Results come in chunks of IN values, each sorted; callers that need an order across all of them sort again.

    /** The internal links these posts hold (ix_post_link_post). */
    List<InternalLink> internalFrom(Collection<UUID> posts) {
        return chunked(posts, ROW + " and l.postId in :in order by l.postId, l.position");
    }

    /** The internal links that name these slugs of one type (ix_post_link_target). */
    List<InternalLink> internalTo(TargetType type, Collection<String> slugs) {
        return chunked(slugs, ROW + " and l.targetType = '" + type.wire() + "' and l.targetSlug in :in"
                + " order by l.postId, l.position");
    }

    /** Every internal link, by post and in document order. */
    List<InternalLink> allInternal() {
        return rows(getEntityManager().createQuery(ROW + " order by l.postId, l.position", Object[].class).getResultList());
    }

    /** Every internal link's source, position and target, in no order, for the whole graph: href and text are left null, unread. */
    List<InternalLink> allTargets() {
        // Unordered: sorting every link in the database costs more than sorting each post's few (GraphSnapshot).
        return getEntityManager().createQuery("select l.postId, l.position, l.targetType, l.targetSlug from Link l"
                        + " where l.kind = 'internal'", Object[].class).getResultList().stream()
                .map(row -> new InternalLink((UUID) row[0], (Integer) row[1], null, null,
                        row[2] == null ? null : TargetType.fromWire((String) row[2]), (String) row[3]))
                .toList();
    }

    private <T> List<InternalLink> chunked(Collection<T> values, String query) {
        List<InternalLink> found = new ArrayList<>();
        InList.chunks(values, chunk -> found.addAll(rows(getEntityManager().createQuery(query, Object[].class)
                .setParameter("in", chunk).getResultList())));
        return found;
    }

    private static List<InternalLink> rows(List<Object[]> rows) {
        return rows.stream().map(row -> new InternalLink((UUID) row[0], (Integer) row[1], (String) row[2],
                (String) row[3], row[4] == null ? null : TargetType.fromWire((String) row[4]), (String) row[5])).toList();
    }
}
