package dev.crosslink.webhook;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** CONTRACT section 5, WebSub: feeds name the hub, and publications ping it through the outbox. */
@QuarkusTest
@TestProfile(WebSubTest.WithHub.class)
class WebSubTest {

    private static WebhookReceiver hub;

    /** A stub hub on loopback, started before the server so the server's configuration can name it. */
    public static class WithHub implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.websub.hub", hub().url("/hub"));
        }
    }

    static synchronized WebhookReceiver hub() {
        if (hub == null) {
            try {
                hub = new WebhookReceiver();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return hub;
    }

    @Test
    void everyFeedNamesTheHubAndItself() {
        String link = "<" + hub().url("/hub") + ">; rel=\"hub\", <http://localhost:8080/rss>; rel=\"self\"";
        anonymous().get("/rss").then().statusCode(200).header("Link", equalTo(link))
                .body(containsString("<atom:link href=\"" + hub().url("/hub") + "\" rel=\"hub\"/>"));
        anonymous().get("/rss").then().statusCode(200).header("Link", equalTo(link)); // from the cache, the same
        anonymous().get("/atom").then().header("Link", containsString("<http://localhost:8080/atom>; rel=\"self\""))
                .body(containsString("<link rel=\"hub\" href=\"" + hub().url("/hub") + "\"/>"));
        anonymous().get("/feed.json").then().header("Link", containsString("rel=\"hub\""))
                .body("hubs[0].type", equalTo("WebSub")).body("hubs[0].url", equalTo(hub().url("/hub")));
    }

    @Test
    void aPublicationPingsTheHubForEveryFeedItChangesAndADraftForNone() throws Exception {
        String category = Api.category(Api.unique("Hub category"));
        String tag = Api.unique("hub-tag");
        String draft = editorJson().body(Map.of("title", Api.unique("Hub draft"), "markdown", "Quiet.", "tags", List.of(tag)))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        editor().contentType("application/merge-patch+json").body(Map.of("markdown", "Still quiet."))
                .patch("/api/posts/" + draft).then().statusCode(200);
        Thread.sleep(500);
        assertThat(pinged()).noneMatch(url -> url.contains(tag));

        Api.publishedPost(Api.unique("Hub news"), "Loud.", Map.of("category", category, "tags", List.of(tag)));
        Set<String> expected = Set.of("/rss", "/atom", "/feed.json", "/rss/categories/" + category,
                "/atom/categories/" + category, "/feed.json/categories/" + category, "/rss/tags/" + tag,
                "/atom/tags/" + tag, "/feed.json/tags/" + tag).stream().map(p -> "http://localhost:8080" + p)
                .collect(Collectors.toSet());
        hub().await("/hub", 1, r -> r.body().contains("categories%2F" + category));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!pinged().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pinged()).containsAll(expected);
        for (WebhookReceiver.Received ping : hub().at("/hub")) {
            assertThat(ping.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(ping.body()).startsWith("hub.mode=publish&hub.url=");
            assertThat(ping.headers()).doesNotContainKey("webhook-signature");
        }
    }

    private static Set<String> pinged() {
        return hub().at("/hub").stream()
                .map(r -> URLDecoder.decode(r.body().substring(r.body().indexOf("hub.url=") + 8), StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
    }
}
