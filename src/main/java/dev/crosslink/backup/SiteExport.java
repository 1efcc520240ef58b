package dev.crosslink.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crosslink.web.SiteUrls;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Writes the whole site as one {@link SiteDocument} to a stream, a hundred posts at a time, so its
 * memory is bounded by a batch (and a post's revisions), never by the site. It reads on a connection
 * of its own, in one read-only snapshot: an export taken while editors write is still a site that
 * existed at one instant, with every tag a post names in it.
 */
@ApplicationScoped
public class SiteExport {

    static final int BATCH = 100;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final SiteUrls urls;
    private final Clock clock;

    public SiteExport(DataSource dataSource, ObjectMapper mapper, SiteUrls urls, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.urls = urls;
        this.clock = clock;
    }

    public void write(OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(snapshotLevel(connection));
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                write(new SiteTables(connection), json);
            } finally {
                connection.rollback(); // read only: nothing to keep
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("The export could not read the database", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void write(SiteTables tables, JsonGenerator json) throws IOException, SQLException {
        json.writeStartObject();
        json.writeStringField("format", SiteDocument.FORMAT);
        json.writeNumberField("version", SiteDocument.VERSION);
        json.writeStringField("exportedAt", clock.instant().toString());
        json.writeStringField("site", urls.base());
        json.writeArrayFieldStart("categories");
        tables.terms(SiteTables.TermTable.CATEGORY, term -> writeObject(json, term));
        json.writeEndArray();
        json.writeArrayFieldStart("tags");
        tables.terms(SiteTables.TermTable.TAG, term -> writeObject(json, term));
        json.writeEndArray();
        json.writeArrayFieldStart("posts");
        UUID after = null;
        for (List<SiteDocument.Post> batch = tables.posts(null, BATCH); !batch.isEmpty(); batch = tables.posts(after, BATCH)) {
            for (SiteDocument.Post post : batch) {
                json.writeObject(post);
            }
            after = batch.get(batch.size() - 1).id();
            json.flush(); // each batch leaves at once: the client sees progress, the server keeps nothing
        }
        json.writeEndArray();
        json.writeArrayFieldStart("webhooks");
        tables.webhooks(webhook -> writeObject(json, webhook));
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeObject(JsonGenerator json, Object value) {
        try {
            json.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One snapshot for every query: PostgreSQL's REPEATABLE READ is one; on H2 the level that
     * promises every table as of one instant is its own SNAPSHOT (6, org.h2.engine.Constants
     * .TRANSACTION_SNAPSHOT; the H2 classes are not on the PostgreSQL build's path).
     */
    private static int snapshotLevel(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().startsWith("H2") ? 6 : Connection.TRANSACTION_REPEATABLE_READ;
    }
}
