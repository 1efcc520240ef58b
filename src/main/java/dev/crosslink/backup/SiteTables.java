package dev.crosslink.backup;

import dev.crosslink.post.PostSource;
import dev.crosslink.post.PostStatus;
import dev.crosslink.database.StringListColumn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stored rows of a site, read and written as they are (JDBC, one connection): what the export
 * document carries. A backup works on the schema the way a dump does, because it must reproduce ids,
 * versions and timestamps that the entities only ever set themselves. What is derived from stored
 * rows (HTML, excerpts, links, search words) is not read or written here: the restore asks the rooms
 * that own those rules.
 */
final class SiteTables {

    /** The two term tables; never a name from a request. */
    enum TermTable {
        CATEGORY("category"), TAG("tag");

        final String table;

        TermTable(String table) {
            this.table = table;
        }
    }

    private static final StringListColumn TAGS = new StringListColumn();

    private final Connection connection;

    SiteTables(Connection connection) {
        this.connection = connection;
    }

    boolean empty() throws SQLException {
        for (String table : List.of("post", "category", "tag")) {
            try (PreparedStatement s = connection.prepareStatement("select 1 from " + table + " fetch first 1 rows only");
                 ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- reading, for the export

    void terms(TermTable kind, Consumer<SiteDocument.Term> each) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select id, slug, name, description, listed, created_at, "
                + "updated_at, version from " + kind.table + " order by slug")) {
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    each.accept(new SiteDocument.Term(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), instant(rs, 6), instant(rs, 7), rs.getLong(8)));
                }
            }
        }
    }

    /** Up to {@code limit} posts with ids after {@code after} (null: from the first), each whole, in id order. */
    List<SiteDocument.Post> posts(UUID after, int limit) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("select p.id, p.slug, p.title, b.markdown, p.custom_excerpt, "
                + "p.status, p.published_at, p.guid, p.author, c.slug, p.source_kind, p.source_feed, p.source_guid, "
                + "p.created_at, p.created_by, p.updated_at, p.updated_by, p.version "
                + "from post p join post_body b on b.post_id = p.id left join category c on c.id = p.category_id "
                + (after == null ? "" : "where p.id > ? ") + "order by p.id fetch first " + limit + " rows only")) {
            if (after != null) {
                s.setObject(1, after);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[18];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = i == 0 ? rs.getObject(1, UUID.class) : rs.getObject(i + 1);
                    }
                    row[6] = instant(rs, 7);
                    row[13] = instant(rs, 14);
                    row[15] = instant(rs, 16);
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, List<String>> tags = grouped(ids, "select pt.post_id, t.slug from post_tag pt join tag t on t.id = pt.tag_id "
                + "where pt.post_id in (%s) order by pt.post_id, pt.position", rs -> rs.getString(2));
        Map<UUID, List<SiteDocument.FormerSlug>> former = grouped(ids, "select post_id, slug, retired_at from post_former_slug "
                + "where post_id in (%s) order by post_id, retired_at, slug",
                rs -> new SiteDocument.FormerSlug(rs.getString(2), instant(rs, 3)));
        Map<UUID, List<SiteDocument.Revision>> revisions = grouped(ids, "select post_id, number, created_at, actor, source, "
                + "title, markdown, slug, excerpt, status, published_at, author, category, tags from post_revision "
                + "where post_id in (%s) order by post_id, number",
                rs -> new SiteDocument.Revision(rs.getInt(2), instant(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        PostStatus.fromWire(rs.getString(10)), instant(rs, 11), rs.getString(12), rs.getString(13),
                        TAGS.convertToEntityAttribute(rs.getString(14))));
        List<SiteDocument.Post> posts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            posts.add(new SiteDocument.Post(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    PostStatus.fromWire((String) row[5]), (Instant) row[6], (String) row[7], (String) row[8],
                    (String) row[9], tags.getOrDefault(id, List.of()),
                    new PostSource((String) row[10], (String) row[11], (String) row[12]),
                    (Instant) row[13], (String) row[14], (Instant) row[15], (String) row[16],
                    ((Number) row[17]).longValue(), former.getOrDefault(id, List.of()), revisions.getOrDefault(id, List.of())));
        }
        return posts;
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Rows of a child table for these posts, grouped by post in the query's order. */
    private <T> Map<UUID, List<T>> grouped(List<UUID> ids, String query, Column<T> column) throws SQLException {
        Map<UUID, List<T>> grouped = new LinkedHashMap<>();
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement s = connection.prepareStatement(query.formatted(marks))) {
            for (int i = 0; i < ids.size(); i++) {
                s.setObject(i + 1, ids.get(i));
            }
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grouped.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(column.read(rs));
                }
            }
        }
        return grouped;
    }

    void webhooks(Consumer<SiteDocument.Webhook> each) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select id, url, events, description, enabled, created_at, "
                + "updated_at from webhook order by created_at, id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                each.accept(new SiteDocument.Webhook(rs.getObject(1, UUID.class), rs.getString(2),
                        TAGS.convertToEntityAttribute(rs.getString(3)), rs.getString(4), rs.getBoolean(5), instant(rs, 6),
                        instant(rs, 7)));
            }
        }
    }

    // ---- writing, for the restore

    /** Webhooks with the secrets the restore made for them (the document has none). */
    void insertWebhooks(List<SiteDocument.Webhook> webhooks, List<String> secrets) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("insert into webhook (id, url, description, events, secret, "
                + "enabled, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int i = 0; i < webhooks.size(); i++) {
                SiteDocument.Webhook w = webhooks.get(i);
                s.setObject(1, w.id());
                s.setString(2, w.url());
                s.setString(3, w.description());
                s.setString(4, TAGS.convertToDatabaseColumn(w.events()));
                s.setString(5, secrets.get(i));
                s.setBoolean(6, w.enabled());
                timestamp(s, 7, w.createdAt());
                timestamp(s, 8, w.updatedAt());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    void insertTerms(TermTable kind, List<SiteDocument.Term> terms) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("insert into " + kind.table + " (id, slug, name, description, "
                + "listed, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SiteDocument.Term term : terms) {
                s.setObject(1, term.id());
                s.setString(2, term.slug());
                s.setString(3, term.name());
                s.setString(4, term.description());
                s.setBoolean(5, term.listed());
                timestamp(s, 6, term.createdAt());
                timestamp(s, 7, term.updatedAt());
                s.setLong(8, term.version());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The stored and derived values of one post row, written together. */
    record PostRow(SiteDocument.Post post, UUID categoryId, List<UUID> tagIds, String html, String excerpt,
                   int readingTimeMinutes) {
    }

    void insertPosts(List<PostRow> rows) throws SQLException {
        try (PreparedStatement post = connection.prepareStatement("insert into post (id, slug, title, custom_excerpt, excerpt, "
                + "reading_time_minutes, status, published_at, guid, author, category_id, source_kind, source_feed, "
                + "source_guid, created_at, updated_at, created_by, updated_by, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement body = connection.prepareStatement("insert into post_body (post_id, markdown, html) values (?, ?, ?)");
             PreparedStatement tag = connection.prepareStatement("insert into post_tag (post_id, tag_id, position) values (?, ?, ?)");
             PreparedStatement former = connection.prepareStatement("insert into post_former_slug (slug, post_id, retired_at) "
                     + "values (?, ?, ?)");
             PreparedStatement revision = connection.prepareStatement("insert into post_revision (id, post_id, number, "
                     + "created_at, actor, source, title, markdown, slug, excerpt, status, published_at, author, category, tags) "
                     + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PostRow row : rows) {
                SiteDocument.Post p = row.post();
                post.setObject(1, p.id());
                post.setString(2, p.slug());
                post.setString(3, p.title());
                post.setString(4, p.excerpt());
                post.setString(5, row.excerpt());
                post.setInt(6, row.readingTimeMinutes());
                post.setString(7, p.status().wire());
                timestamp(post, 8, p.publishedAt());
                post.setString(9, p.guid());
                post.setString(10, p.author());
                if (row.categoryId() == null) {
                    post.setNull(11, Types.OTHER);
                } else {
                    post.setObject(11, row.categoryId());
                }
                post.setString(12, p.source().kind());
                post.setString(13, p.source().feed());
                post.setString(14, p.source().guid());
                timestamp(post, 15, p.createdAt());
                timestamp(post, 16, p.updatedAt());
                post.setString(17, p.createdBy());
                post.setString(18, p.updatedBy());
                post.setLong(19, p.version());
                post.addBatch();

                body.setObject(1, p.id());
                body.setString(2, p.markdown());
                body.setString(3, row.html());
                body.addBatch();

                for (int i = 0; i < row.tagIds().size(); i++) {
                    tag.setObject(1, p.id());
                    tag.setObject(2, row.tagIds().get(i));
                    tag.setInt(3, i);
                    tag.addBatch();
                }
                for (SiteDocument.FormerSlug slug : p.formerSlugs()) {
                    former.setString(1, slug.slug());
                    former.setObject(2, p.id());
                    timestamp(former, 3, slug.retiredAt());
                    former.addBatch();
                }
                for (SiteDocument.Revision r : p.revisions()) {
                    revision.setObject(1, UUID.randomUUID());
                    revision.setObject(2, p.id());
                    revision.setInt(3, r.number());
                    timestamp(revision, 4, r.createdAt());
                    revision.setString(5, r.actor());
                    revision.setString(6, r.source());
                    revision.setString(7, r.title());
                    revision.setString(8, r.markdown());
                    revision.setString(9, r.slug());
                    revision.setString(10, r.excerpt());
                    revision.setString(11, r.status().wire());
                    timestamp(revision, 12, r.publishedAt());
                    revision.setString(13, r.author());
                    revision.setString(14, r.category());
                    revision.setString(15, TAGS.convertToDatabaseColumn(r.tags()));
                    revision.addBatch();
                }
            }
            // Parents first: the foreign keys are checked statement by statement.
            post.executeBatch();
            body.executeBatch();
            tag.executeBatch();
            former.executeBatch();
            revision.executeBatch();
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void timestamp(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, value.atOffset(java.time.ZoneOffset.UTC));
        }
    }
}
