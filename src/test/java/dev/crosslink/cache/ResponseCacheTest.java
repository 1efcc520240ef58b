package dev.crosslink.cache;

import dev.crosslink.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ResponseCacheTest {

    @Inject
    ResponseCache cache;

    @Inject
    PublicationClock clock;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aForgedHostNeverReachesTheLinkHeaderCachedOrNot() {
        Api.publishedPost(Api.unique("Linked"), "x", Map.of());
        Api.publishedPost(Api.unique("Linked"), "x", Map.of());
        String fresh = anonymous().header("Host", "evil.example").get("/api/posts?size=1").then().statusCode(200)
                .header("Link", containsString("<http://localhost:8080/api/posts?")).header("Link", not(containsString("evil")))
                .extract().header("Link");
        anonymous().get("/api/posts?size=1").then().statusCode(200).header("Link", equalTo(fresh));
        anonymous().header("Host", "evil.example").get("/api/posts?size=1").then().header("Link", equalTo(fresh));
    }

    @Test
    void entriesAreKeyedOnTheMethodsOwnParametersInAnyOrder() {
        Api.publishedPost(Api.unique("Keyed"), "x", Map.of());
        for (int attempt = 0; ; attempt++) { // a scheduled post of another test may start a generation meanwhile
            cache.invalidate();
            long generation = cache.generation();
            anonymous().get("/api/posts?size=3&page=1").then().statusCode(200);
            long afterFirst = cache.size();
            anonymous().get("/api/posts?page=1&size=3").then().statusCode(200);
            long afterReordered = cache.size();
            anonymous().get("/api/posts?page=1&size=3&utm_source=spam").then().statusCode(200);
            anonymous().get("/api/posts?page=1&size=3&junk=" + UUID.randomUUID()).then().statusCode(200);
            long afterJunk = cache.size();
            if (cache.generation() != generation && attempt < 3) {
                continue;
            }
            assertThat(afterFirst).isEqualTo(1);
            assertThat(afterReordered).as("the same parameters in another order are the same entry").isEqualTo(1);
            assertThat(afterJunk).as("a parameter the resource does not read is never stored").isEqualTo(1);
            return;
        }
    }

    @Test
    void aDraftEditDoesNotFlushTheCacheButPublishingDoes() {
        String slug = editorJson().body(Map.of("title", Api.unique("Quiet draft"), "markdown", "x")).post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        long generation = cache.generation();
        editor().contentType("application/merge-patch+json").body(Map.of("title", "Still a draft"))
                .patch("/api/posts/" + slug).then().statusCode(200);
        editor().contentType("application/merge-patch+json").body(Map.of("markdown", "still private"))
                .patch("/api/posts/" + slug).then().statusCode(200);
        long afterDraftEdits = cache.generation();
        editor().contentType("application/merge-patch+json").body(Map.of("status", "published"))
                .patch("/api/posts/" + slug).then().statusCode(200);
        assertThat(afterDraftEdits).as("draft edits change nothing public").isEqualTo(generation);
        assertThat(cache.generation()).as("publishing does").isGreaterThan(generation);
        anonymous().get("/api/posts/" + slug).then().statusCode(200);
    }

    @Test
    void theClockNeverThrowsOnWhatIsStored() {
        assertThat(PublicationClock.epochMillis(Instant.parse("+300000000-01-01T00:00:00Z"))).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(PublicationClock.epochMillis(Instant.parse("-300000000-01-01T00:00:00Z"))).isEqualTo(Long.MIN_VALUE / 2);
        assertThat(PublicationClock.epochMillis(Instant.EPOCH.plusMillis(5))).isEqualTo(5);

        // A row written before dates were bounded (PostgreSQL itself stops at the year 294276).
        boolean h2 = dbKind.equals("h2");
        String far = h2 ? "+300000000-01-01T00:00:00Z" : "+294000-01-01T00:00:00Z";
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into post (id, slug, title, excerpt, "
                            + "reading_time_minutes, status, published_at, author, source_kind, created_at, updated_at, version) "
                            + "values (?1, ?2, 'Far', 'x', 1, 'scheduled', ?3, 'a', 'api', ?4, ?4, 0)")
                    .setParameter(1, id).setParameter(2, "far-" + id.toString().substring(0, 8))
                    .setParameter(3, Instant.parse(far)).setParameter(4, Instant.now()).executeUpdate();
            em.createNativeQuery("insert into post_body (post_id, markdown, html) values (?1, 'x', '<p>x</p>')")
                    .setParameter(1, id).executeUpdate();
        });
        try {
            clock.reschedule();
            assertThat(clock.nextPublication()).isPresent();
            anonymous().get("/api/posts").then().statusCode(200);
            editor().get("/api/posts/far-" + id.toString().substring(0, 8)).then().statusCode(200);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from post where id = ?1")
                    .setParameter(1, id).executeUpdate());
        }
    }
}
