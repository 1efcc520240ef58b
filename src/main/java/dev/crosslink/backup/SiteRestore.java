package dev.crosslink.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.crosslink.database.Coordination;
import dev.crosslink.database.Transactions;
import dev.crosslink.graph.LinkExtractor;
import dev.crosslink.graph.LinkRepository;
import dev.crosslink.markdown.MarkdownRenderer;
import dev.crosslink.markdown.MarkdownTooComplexException;
import dev.crosslink.markdown.Rendering;
import dev.crosslink.post.Post;
import dev.crosslink.post.PostStatus;
import dev.crosslink.search.SearchIndex;
import dev.crosslink.web.CmsConfig;
import dev.crosslink.web.ContentChanged;
import dev.crosslink.web.Problem;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.PlainText;
import dev.crosslink.web.Slug;
import dev.crosslink.web.WebUrl;
import dev.crosslink.webhook.TargetPolicy;
import dev.crosslink.webhook.WebhookEvent;
import dev.crosslink.webhook.WebhookSignature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes an export document into an empty site (CONTRACT section 12), in one transaction, reading it
 * as a stream: a post is checked, rendered and written before the next is read, so memory is bounded
 * by a batch whatever the document's size. Anything wrong, anywhere in the document, is a 400 and the
 * transaction rolls back: nothing is written.
 *
 * <p>Stored values are restored as stored; what is derived from them is derived again by the rules
 * that derive it on every write (the renderer, {@link Post#excerptOf}, the link extractor, the search
 * index), so a restored site answers every public GET with the bytes, and so the ETags, of its source.
 */
@ApplicationScoped
public class SiteRestore {

    static final int BATCH = 50;
    private static final Set<String> SOURCES = Set.of("api", "import");
    private static final Set<String> REVISION_SOURCES = Set.of("api", "import", "restore", "rerender");

    /** What a restore wrote; each webhook with the new secret it was given, shown this once. */
    public record Report(long categories, long tags, long posts, long revisions, List<RestoredWebhook> webhooks) {
    }

    public record RestoredWebhook(UUID id, String url, String secret) {
    }

    private final EntityManager em;
    private final ObjectReader terms;
    private final ObjectReader posts;
    private final ObjectReader webhooks;
    private final Validator validator;
    private final MarkdownRenderer renderer;
    private final LinkExtractor linkExtractor;
    private final LinkRepository links;
    private final SearchIndex searchIndex;
    private final Coordination coordination;
    private final Event<ContentChanged> changed;
    private final int keep;
    private final int timeoutSeconds;

    public SiteRestore(EntityManager em, ObjectMapper mapper, Validator validator, MarkdownRenderer renderer,
                       LinkExtractor linkExtractor, LinkRepository links, SearchIndex searchIndex,
                       Coordination coordination, Event<ContentChanged> changed, CmsConfig config) {
        this.em = em;
        ObjectReader strict = mapper.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.terms = strict.forType(SiteDocument.Term.class);
        this.posts = strict.forType(SiteDocument.Post.class);
        this.webhooks = strict.forType(SiteDocument.Webhook.class);
        this.validator = validator;
        this.renderer = renderer;
        this.linkExtractor = linkExtractor;
        this.links = links;
        this.searchIndex = searchIndex;
        this.coordination = coordination;
        this.changed = changed;
        this.keep = Math.max(1, config.revisions().keep());
        this.timeoutSeconds = (int) Math.max(60, config.limits().restoreTime().toSeconds());
    }

    public Report restore(InputStream document) {
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> restoreNow(document));
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException inner) {
                throw inner;
            }
            throw e;
        }
    }

    private Report restoreNow(InputStream document) throws IOException {
        // One restore at a time, across nodes; and PostgreSQL writers announce on this row too.
        coordination.lock(Coordination.CONTENT_GENERATION);
        Session session = em.unwrap(Session.class);
        if (!session.doReturningWork(connection -> new SiteTables(connection).empty())) {
            throw ProblemException.conflict("The site is not empty: a restore only goes into a site with no posts, "
                    + "categories or tags");
        }
        try (JsonParser json = terms.getFactory().createParser(document)) {
            return new Reading(json, session).document();
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "The document is not well-formed JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    /** One pass over one document. */
    private final class Reading {
        private final JsonParser json;
        private final Session session;
        private final Map<String, UUID> categories = new HashMap<>();
        private final Map<String, UUID> tags = new HashMap<>();
        private final List<SiteTables.PostRow> pending = new ArrayList<>();
        private long postCount;
        private long revisionCount;

        Reading(JsonParser json, Session session) {
            this.json = json;
            this.session = session;
        }

        Report document() throws IOException {
            expect(JsonToken.START_OBJECT, "the document");
            String format = header("format", JsonToken.VALUE_STRING).getText();
            if (!SiteDocument.FORMAT.equals(format)) {
                throw invalid("format", "must be '" + SiteDocument.FORMAT + "'");
            }
            int version = header("version", JsonToken.VALUE_NUMBER_INT).getIntValue();
            if (!SiteDocument.READS.contains(version)) {
                throw invalid("version", "this server reads format versions " + SiteDocument.READS + ", not " + version);
            }
            header("exportedAt", JsonToken.VALUE_STRING);
            header("site", JsonToken.VALUE_STRING);
            readTerms("categories", SiteTables.TermTable.CATEGORY, categories);
            readTerms("tags", SiteTables.TermTable.TAG, tags);
            field("posts");
            expect(JsonToken.START_ARRAY, "posts");
            for (int i = 0; json.nextToken() == JsonToken.START_OBJECT; i++) {
                post(i, read(posts, "posts[" + i + "]"));
            }
            requireCurrent(JsonToken.END_ARRAY, "posts");
            flush();
            List<RestoredWebhook> restored = version >= 2 ? readWebhooks() : List.of();
            if (json.nextToken() != JsonToken.END_OBJECT) {
                throw new ProblemException(400, "The document has something after '" + (version >= 2 ? "webhooks" : "posts")
                        + "', which format version " + version + " does not have");
            }
            if (json.nextToken() != null) {
                throw new ProblemException(400, "The document goes on after its end");
            }
            changed.fire(new ContentChanged("restore"));
            return new Report(categories.size(), tags.size(), postCount, revisionCount, restored);
        }

        /** Version 2's webhooks, each given a new secret: the document never holds one. */
        private List<RestoredWebhook> readWebhooks() throws IOException {
            field("webhooks");
            expect(JsonToken.START_ARRAY, "webhooks");
            List<SiteDocument.Webhook> found = new ArrayList<>();
            for (int i = 0; json.nextToken() == JsonToken.START_OBJECT; i++) {
                String at = "webhooks[" + i + "]";
                SiteDocument.Webhook webhook = read(webhooks, at);
                required(at, "id", webhook.id());
                required(at, "url", webhook.url());
                required(at, "events", webhook.events());
                required(at, "enabled", webhook.enabled());
                required(at, "createdAt", webhook.createdAt());
                required(at, "updatedAt", webhook.updatedAt());
                try {
                    TargetPolicy.parse(webhook.url()); // its address is checked again at every attempt
                } catch (TargetPolicy.RefusedTarget e) {
                    throw invalid(at + ".url", e.getMessage());
                }
                if (webhook.url().length() > 2000 || webhook.events().isEmpty() || webhook.events().size() > 7
                        || (webhook.description() != null && webhook.description().length() > 500)) {
                    throw invalid(at, "is over a webhook's bounds (a URL of 2,000 characters, 1-7 events, 500 of description)");
                }
                for (int e = 0; e < webhook.events().size(); e++) {
                    try {
                        WebhookEvent.fromWire(webhook.events().get(e));
                    } catch (IllegalArgumentException bad) {
                        throw invalid(at + ".events[" + e + "]", "is not an event type");
                    }
                }
                found.add(webhook);
            }
            requireCurrent(JsonToken.END_ARRAY, "webhooks");
            List<String> secrets = found.stream().map(w -> WebhookSignature.newSecret()).toList();
            write("webhooks", () -> session.doWork(connection -> new SiteTables(connection).insertWebhooks(found, secrets)));
            List<RestoredWebhook> restored = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                restored.add(new RestoredWebhook(found.get(i).id(), found.get(i).url(), secrets.get(i)));
            }
            return restored;
        }

        private void readTerms(String name, SiteTables.TermTable table, Map<String, UUID> ids) throws IOException {
            field(name);
            expect(JsonToken.START_ARRAY, name);
            List<SiteDocument.Term> batch = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; json.nextToken() == JsonToken.START_OBJECT; i++) {
                String at = name + "[" + i + "]";
                SiteDocument.Term term = read(terms, at);
                required(at, "id", term.id());
                required(at, "listed", term.listed());
                required(at, "version", term.version());
                required(at, "slug", term.slug());
                required(at, "createdAt", term.createdAt());
                required(at, "updatedAt", term.updatedAt());
                valid(at, term.content());
                if (ids.putIfAbsent(term.slug(), term.id()) != null || !seen.add(term.id())) {
                    throw invalid(at, "repeats the slug or id of an earlier entry");
                }
                batch.add(term);
                if (batch.size() == 500) {
                    insertTerms(table, batch, name);
                }
            }
            requireCurrent(JsonToken.END_ARRAY, name);
            insertTerms(table, batch, name);
        }

        private void insertTerms(SiteTables.TermTable table, List<SiteDocument.Term> batch, String name) {
            write(name, () -> session.doWork(connection -> new SiteTables(connection).insertTerms(table, batch)));
            batch.clear();
        }

        private void post(int index, SiteDocument.Post post) {
            String at = "posts[" + index + "]";
            required(at, "id", post.id());
            required(at, "slug", post.slug());
            required(at, "status", post.status());
            required(at, "version", post.version());
            required(at, "source", post.source());
            required(at, "createdAt", post.createdAt());
            required(at, "updatedAt", post.updatedAt());
            required(at, "tags", post.tags());
            required(at, "formerSlugs", post.formerSlugs());
            required(at, "revisions", post.revisions());
            valid(at, post.content());
            if (post.status() != PostStatus.DRAFT && post.publishedAt() == null) {
                throw invalid(at + ".publishedAt", "a " + post.status().wire() + " post has a publication instant");
            }
            if (!SOURCES.contains(post.source().kind())) {
                throw invalid(at + ".source.kind", "must be one of " + SOURCES);
            }
            safeId(at + ".guid", post.guid());
            safeId(at + ".source.guid", post.source().guid());
            UUID category = null;
            if (post.category() != null) {
                category = categories.get(post.category());
                if (category == null) {
                    throw invalid(at + ".category", "names no category of the document");
                }
            }
            List<UUID> tagIds = new ArrayList<>();
            for (int t = 0; t < post.tags().size(); t++) {
                UUID tag = tags.get(post.tags().get(t));
                if (tag == null) {
                    throw invalid(at + ".tags[" + t + "]", "names no tag of the document");
                }
                tagIds.add(tag);
            }
            for (int f = 0; f < post.formerSlugs().size(); f++) {
                SiteDocument.FormerSlug former = post.formerSlugs().get(f);
                if (!Slug.isValid(former.slug()) || former.retiredAt() == null) {
                    throw invalid(at + ".formerSlugs[" + f + "]", "needs a valid slug and its retiredAt");
                }
            }
            for (int r = 0; r < post.revisions().size(); r++) {
                SiteDocument.Revision revision = post.revisions().get(r);
                String rat = at + ".revisions[" + r + "]";
                required(rat, "createdAt", revision.createdAt());
                required(rat, "status", revision.status());
                required(rat, "number", revision.number());
                required(rat, "tags", revision.tags());
                if (revision.number() < 1 || !REVISION_SOURCES.contains(revision.source())) {
                    throw invalid(rat, "needs a number from 1 and a source among " + REVISION_SOURCES);
                }
                valid(rat, revision.content());
            }
            Rendering rendering;
            try {
                rendering = renderer.render(post.markdown());
            } catch (MarkdownTooComplexException e) {
                throw invalid(at + ".markdown", e.getMessage());
            }
            if (rendering.html().length() > Post.MAX_HTML) {
                throw invalid(at + ".markdown", "renders to more than " + Post.MAX_HTML + " characters of HTML");
            }
            pending.add(new SiteTables.PostRow(kept(post), category, tagIds, rendering.html(),
                    Post.excerptOf(post.excerpt(), rendering), rendering.readingTimeMinutes()));
            if (pending.size() == BATCH) {
                flush();
            }
        }

        /** The post with at most cms.revisions.keep revisions: this site's bound, the oldest go first. */
        private SiteDocument.Post kept(SiteDocument.Post post) {
            if (post.revisions().size() <= keep) {
                return post;
            }
            List<SiteDocument.Revision> newest = post.revisions().stream()
                    .sorted(Comparator.comparingInt(SiteDocument.Revision::number).reversed()).limit(keep)
                    .sorted(Comparator.comparingInt(SiteDocument.Revision::number)).toList();
            return post.withRevisions(newest);
        }

        /** Writes the pending posts, then their links and search words through the rooms that keep them. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            String range = "posts[" + postCount + ".." + (postCount + pending.size() - 1) + "]";
            write(range, () -> session.doWork(connection -> new SiteTables(connection).insertPosts(pending)));
            for (SiteTables.PostRow row : pending) {
                SiteDocument.Post post = row.post();
                links.replaceLinks(post.id(), linkExtractor.extract(row.html()));
                searchIndex.replace(post.id(), post.title(), row.excerpt(), post.markdown());
                revisionCount += post.revisions().size();
            }
            em.flush();
            em.clear(); // nothing of this batch is needed again: the persistence context stays small
            postCount += pending.size();
            pending.clear();
        }

        /** One element of an array, its fields named from the document's root when they have the wrong type. */
        private <T> T read(ObjectReader reader, String at) throws IOException {
            try {
                return reader.readValue(json);
            } catch (JsonMappingException e) {
                ProblemException named = ProblemException.wrongShape(e);
                String field = named.errors() == null || named.errors().isEmpty() ? at : at + "." + named.errors().get(0).field();
                throw invalid(field, e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                        ? "is not a field of the format" : "has the wrong type or format");
            }
        }

        private JsonParser header(String name, JsonToken type) throws IOException {
            field(name);
            if (json.nextToken() != type) {
                throw invalid(name, "has the wrong type");
            }
            return json;
        }

        private void field(String name) throws IOException {
            JsonToken token = json.nextToken();
            if (token != JsonToken.FIELD_NAME || !name.equals(json.currentName())) {
                throw new ProblemException(400, "The document needs '" + name + "' here (line "
                        + json.currentLocation().getLineNr() + "): the format has format, version, exportedAt, "
                        + "site, categories, tags, posts and (since version 2) webhooks, in that order");
            }
        }

        private void expect(JsonToken token, String what) throws IOException {
            json.nextToken();
            requireCurrent(token, what);
        }

        private void requireCurrent(JsonToken token, String what) {
            if (json.currentToken() != token) {
                throw invalid(what, token == JsonToken.END_ARRAY ? "must be an array of objects" : "has the wrong shape");
            }
        }
    }

    private interface Work {
        void run();
    }

    /** A statement the document makes the database refuse (a repeated id, say) is the document's fault: a 400. */
    private static void write(String where, Work work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (Transactions.unavailable(e)) {
                throw e;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                    // 23: integrity (a repeated id or slug, a missing value); 22: data (a value too long)
                    if (sql.getSQLState() != null && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("22"))) {
                        throw invalid(where, "repeats an id, slug or revision number, or holds a value the schema refuses");
                    }
                }
            }
            throw e;
        }
    }

    /** The rule an imported item's guid follows, since feed readers get it as it is. */
    private static void safeId(String field, String id) {
        if (id != null && (!WebUrl.isSafeId(id) || !PlainText.Validator.isXmlSafe(id))) {
            throw invalid(field, "must be an http(s) URL, a URN or a plain identifier");
        }
    }

    private static void required(String at, String field, Object value) {
        if (value == null) {
            throw invalid(at + "." + field, "is required");
        }
    }

    private <T> void valid(String at, T content) {
        Set<ConstraintViolation<T>> violations = validator.validate(content);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(at + "." + v.getPropertyPath(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
            throw new ProblemException(400, "The document is not valid: " + errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "The document is not valid: " + field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

}
