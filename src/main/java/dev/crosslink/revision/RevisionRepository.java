package dev.crosslink.revision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A post's revisions, always through (post_id, number): the unique key's index. */
@ApplicationScoped
class RevisionRepository implements PanacheRepositoryBase<Revision, UUID> {

    /** The highest number the post's revisions reached; 0 before its first. Kept ones never renumber. */
    int lastNumber(UUID postId) {
        Integer last = getEntityManager().createQuery("select max(r.number) from Revision r where r.postId = :p", Integer.class)
                .setParameter("p", postId).getSingleResult();
        return last == null ? 0 : last;
    }

    Optional<Revision> find(UUID postId, int number) {
        return find("postId = ?1 and number = ?2", postId, number).firstResultOptional();
    }

    /** The newest revision before this number, if any is kept. */
    Optional<Revision> before(UUID postId, int number) {
        return find("postId = ?1 and number < ?2", Sort.descending("number"), postId, number).firstResultOptional();
    }

    List<Revision> newestFirst(UUID postId, int page, int size) {
        return find("postId", Sort.descending("number"), postId).page(Page.of(page - 1, size)).list();
    }

    long countOf(UUID postId) {
        return count("postId", postId);
    }

    /** Deletes the post's revisions numbered up to this one: the oldest, past the bound. */
    void deleteUpTo(UUID postId, int number) {
        delete("postId = ?1 and number <= ?2", postId, number);
    }
}
