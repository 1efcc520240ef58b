package dev.crosslink.webhook;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.crosslink.Api.admin;
import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * CONTRACT section 11 through HTTP, delivering to a real receiver on loopback (the test profile sets
 * cms.webhooks.allow-private, and a first retry after 200 ms).
 */
@QuarkusTest
class WebhookApiTest {

    private static WebhookReceiver receiver;
    private final List<String> registered = new ArrayList<>();

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    /** Other tests write too: a webhook left behind would keep sending to a receiver that is gone. */
    @AfterEach
    void deleteWebhooks() {
        registered.forEach(id -> admin().delete("/api/webhooks/" + id).then().statusCode(204));
    }

    private JsonPath register(String path, List<String> events) {
        JsonPath created = admin().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "events", events, "description", "test " + path))
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath();
        registered.add(created.getString("id"));
        return created;
    }

    @Test
    void aWebhookIsRegisteredWithASecretShownOnce() {
        JsonPath created = register("/" + Api.unique("once"), List.of("post.published"));
        assertThat(created.getString("secret")).startsWith("whsec_");
        String id = created.getString("id");
        admin().get("/api/webhooks/" + id).then().statusCode(200).body("$", not(hasKey("secret")))
                .body("events", equalTo(List.of("post.published"))).body("enabled", equalTo(true));
        admin().get("/api/webhooks").then().statusCode(200).body("items.find { it.id == '" + id + "' }", not(hasKey("secret")));
        admin().contentType("application/merge-patch+json").body(Map.of("events", List.of("post.updated", "ping")))
                .patch("/api/webhooks/" + id).then().statusCode(200).body("events", equalTo(List.of("post.updated", "ping")));
        admin().get("/api/webhooks/not-an-id").then().statusCode(404).contentType("application/problem+json");
        anonymous().get("/api/webhooks").then().statusCode(401);
        editor().get("/api/webhooks").then().statusCode(403);
    }

    @Test
    void badTargetsAndEventsAreRefusedWithNothingRegistered() {
        long before = admin().get("/api/webhooks").then().extract().jsonPath().getLong("totalItems");
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("url", "ftp://example.org/hook", "events", List.of("ping")),
                Map.of("url", "javascript:alert(1)", "events", List.of("ping")),
                Map.of("url", "http://user:pw@127.0.0.1/", "events", List.of("ping")),
                Map.of("url", receiver.url("/x"), "events", List.of()),
                Map.of("url", receiver.url("/x"), "events", List.of("post.exploded")))) {
            admin().contentType(ContentType.JSON).body(body).post("/api/webhooks").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        admin().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.org/hook", "events", List.of("ping")))
                .post("/api/webhooks").then().body("errors[0].field", equalTo("url"));
        assertThat(admin().get("/api/webhooks").then().extract().jsonPath().getLong("totalItems")).isEqualTo(before);
    }

    @Test
    void everyPostEventArrivesSignedAndADraftSaveSendsNothing() throws Exception {
        String path = "/" + Api.unique("posts");
        String secret = register(path, List.of("post.published", "post.updated", "post.unpublished", "post.deleted"))
                .getString("secret");
        String slug = editorJson().body(Map.of("title", Api.unique("Hooked"), "markdown", "Draft words."))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        patch(slug, Map.of("markdown", "Still a draft."));
        patch(slug, Map.of("status", "published"));
        patch(slug, Map.of("title", "Hooked, renamed"));
        patch(slug, Map.of("status", "draft"));
        patch(slug, Map.of("markdown", "A draft again, edited.")); // unseen by readers: nothing
        patch(slug, Map.of("status", "published"));
        editor().delete("/api/posts/" + slug).then().statusCode(204);

        List<WebhookReceiver.Received> got = receiver.await(path, 5, r -> r.body().contains(slug));
        Thread.sleep(500); // nothing more may come
        got = receiver.at(path);
        assertThat(got.stream().map(r -> JsonPath.from(r.body()).getString("type")))
                .containsExactly("post.published", "post.updated", "post.unpublished", "post.published", "post.deleted");
        for (WebhookReceiver.Received r : got) {
            assertThat(WebhookReceiver.verify(r, secret)).as("signature of " + r.body()).isTrue();
            assertThat(r.header("webhook-id")).startsWith("msg_");
            assertThat(r.header("content-type")).startsWith("application/json");
        }
        assertThat(got.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(5);
        JsonPath updated = JsonPath.from(got.get(1).body());
        assertThat(updated.getString("data.title")).isEqualTo("Hooked, renamed");
        assertThat(updated.getString("data.status")).isEqualTo("published");
        assertThat(Instant.parse(updated.getString("timestamp"))).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(JsonPath.from(got.get(4).body()).getMap("data")).isEqualTo(Map.of("slug", slug));
        // a forged or altered body fails the receiver's check
        WebhookReceiver.Received forged = new WebhookReceiver.Received(path, got.get(0).headers(),
                got.get(0).body().replace("published", "deleted"), Instant.now());
        assertThat(WebhookReceiver.verify(forged, secret)).isFalse();
    }

    @Test
    void categoryAndTagChangesArriveWithTheTermOrItsSlug() throws Exception {
        String path = "/" + Api.unique("terms");
        register(path, List.of("category.changed", "tag.changed"));
        String category = Api.category(Api.unique("Hooked category"));
        editor().contentType("application/merge-patch+json").body(Map.of("description", "Now described."))
                .patch("/api/categories/" + category).then().statusCode(200);
        editor().delete("/api/categories/" + category).then().statusCode(204);
        String tag = editorJson().body(Map.of("name", Api.unique("Hooked tag"))).post("/api/tags").then().statusCode(201)
                .extract().path("slug");
        List<WebhookReceiver.Received> got = receiver.await(path, 4, r -> true);
        assertThat(got.stream().map(r -> JsonPath.from(r.body()).getString("type")))
                .containsExactly("category.changed", "category.changed", "category.changed", "tag.changed");
        assertThat(JsonPath.from(got.get(1).body()).getString("data.description")).isEqualTo("Now described.");
        assertThat(JsonPath.from(got.get(2).body()).getMap("data")).isEqualTo(Map.of("slug", category));
        assertThat(JsonPath.from(got.get(3).body()).getString("data.slug")).isEqualTo(tag);
    }

    @Test
    void failuresAreRetriedWithGrowingGapsUnderOneIdUntilDelivered() throws Exception {
        String path = "/" + Api.unique("flaky");
        receiver.answer(path, n -> n <= 2 ? 503 : 200);
        JsonPath webhook = register(path, List.of("ping"));
        String id = webhook.getString("id");
        admin().post("/api/webhooks/" + id + "/ping").then().statusCode(202).body("type", equalTo("ping"))
                .body("status", equalTo("pending"));
        List<WebhookReceiver.Received> got = receiver.await(path, 3, r -> true);
        assertThat(got.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
        for (WebhookReceiver.Received r : got) {
            assertThat(WebhookReceiver.verify(r, webhook.getString("secret"))).isTrue();
        }
        JsonPath delivery = awaitDelivery(id, "delivered");
        List<Map<String, Object>> attempts = delivery.getList("items[0].attempts");
        assertThat(attempts).extracting(a -> a.get("responseCode")).containsExactly(503, 503, 200);
        Duration first = gap(attempts.get(0));
        Duration second = gap(attempts.get(1));
        assertThat(second).isGreaterThan(first); // 200 ms ±20%, then 400 ms ±20%
        assertThat(attempts.get(2).get("nextAttemptAt")).isNull();
        assertThat(delivery.getString("items[0].payload.data.webhookId")).isEqualTo(id);
    }

    @Test
    void a410DisablesTheWebhookUntilAnAdminEnablesIt() throws Exception {
        String path = "/" + Api.unique("gone");
        receiver.answer(path, n -> 410);
        String id = register(path, List.of("ping", "post.published")).getString("id");
        admin().post("/api/webhooks/" + id + "/ping").then().statusCode(202);
        receiver.await(path, 1, r -> true);
        awaitDelivery(id, "failed");
        admin().get("/api/webhooks/" + id).then().body("enabled", equalTo(false)).body("disabledReason", containsString("410"));
        Api.publishedPost(Api.unique("Unheard"), "Nobody listens.", Map.of());
        Thread.sleep(600);
        assertThat(receiver.at(path)).hasSize(1);
        admin().get("/api/webhooks/" + id + "/deliveries").then().body("totalItems", equalTo(1));
        admin().contentType("application/merge-patch+json").body(Map.of("enabled", true)).patch("/api/webhooks/" + id)
                .then().statusCode(200).body("enabled", equalTo(true)).body("disabledReason", equalTo(null));
    }

    @Test
    void aDisabledWebhookHoldsItsDeliveriesUntilEnabledAgain() throws Exception {
        String path = "/" + Api.unique("paused");
        String id = register(path, List.of("ping")).getString("id");
        admin().contentType("application/merge-patch+json").body(Map.of("enabled", false)).patch("/api/webhooks/" + id)
                .then().statusCode(200).body("enabled", equalTo(false));
        admin().post("/api/webhooks/" + id + "/ping").then().statusCode(202);
        Thread.sleep(800); // four polls
        assertThat(receiver.at(path)).isEmpty();
        admin().get("/api/webhooks/" + id + "/deliveries").then().body("items[0].status", equalTo("pending"));
        admin().contentType("application/merge-patch+json").body(Map.of("enabled", true)).patch("/api/webhooks/" + id)
                .then().statusCode(200);
        receiver.await(path, 1, r -> true);
        awaitDelivery(id, "delivered");
    }

    @Test
    void aRedeliveryIsTheSameMessageAgain() throws Exception {
        String path = "/" + Api.unique("again");
        String id = register(path, List.of("ping")).getString("id");
        String delivery = admin().post("/api/webhooks/" + id + "/ping").then().statusCode(202).extract().path("id");
        receiver.await(path, 1, r -> true);
        awaitDelivery(id, "delivered");
        admin().post("/api/webhooks/" + id + "/deliveries/" + delivery + "/redeliver").then().statusCode(202)
                .body("status", equalTo("pending"));
        List<WebhookReceiver.Received> got = receiver.await(path, 2, r -> true);
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        admin().post("/api/webhooks/" + id + "/deliveries/" + java.util.UUID.randomUUID() + "/redeliver").then().statusCode(404);
    }

    @Test
    void aScheduledPostFiresOnceAtItsInstantAndAWithdrawnOneNever() throws Exception {
        String path = "/" + Api.unique("scheduled");
        register(path, List.of("post.published"));
        String at = Instant.now().plus(2, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS).toString();
        String kept = scheduled(at);
        String withdrawn = scheduled(at);
        patch(withdrawn, Map.of("status", "draft"));
        assertThat(receiver.at(path)).isEmpty();
        List<WebhookReceiver.Received> got = receiver.await(path, 1, r -> r.body().contains(kept));
        assertThat(got.get(0).at()).isAfterOrEqualTo(Instant.parse(at));
        JsonPath payload = JsonPath.from(got.get(0).body());
        assertThat(payload.getString("data.status")).isEqualTo("published");
        assertThat(payload.getString("timestamp")).isEqualTo(at);
        Thread.sleep(1000);
        assertThat(receiver.at(path)).hasSize(1);
        assertThat(receiver.at(path).get(0).body()).doesNotContain(withdrawn);
    }

    private static String scheduled(String at) {
        return editorJson().body(Map.of("title", Api.unique("Later"), "markdown", "Soon.", "status", "scheduled",
                "publishedAt", at)).post("/api/posts").then().statusCode(201).extract().path("slug");
    }

    private static void patch(String slug, Map<String, Object> fields) {
        editor().contentType("application/merge-patch+json").body(fields).patch("/api/posts/" + slug).then().statusCode(200);
    }

    private static JsonPath awaitDelivery(String webhook, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonPath page = null;
        while (System.nanoTime() < deadline) {
            page = admin().get("/api/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract().jsonPath();
            if (status.equals(page.getString("items[0].status"))) {
                return page;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + status + " delivery: " + (page == null ? null : page.prettify()));
    }

    private static Duration gap(Map<String, Object> attempt) {
        return Duration.between(Instant.parse((String) attempt.get("attemptedAt")), Instant.parse((String) attempt.get("nextAttemptAt")));
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(d.toMillis(), ChronoUnit.MILLIS);
    }
}
