package dev.crosslink.preview;

import dev.crosslink.Api;
import dev.crosslink.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Draft previews (CONTRACT section 10): one post, no other credentials, never cached, and they expire. */
@QuarkusTest
@TestProfile(PreviewTest.MovedTime.class)
class PreviewTest {

    public static class MovedTime implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }
    }

    @Inject
    MovableClock clock;

    private static String draft(String markdown) {
        return editorJson().body(Map.of("title", Api.unique("Secret draft"), "markdown", markdown)).post("/api/posts")
                .then().statusCode(201).extract().path("slug");
    }

    private static JsonPath preview(String slug) {
        return editor().post("/api/posts/" + slug + "/preview").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aTokenOpensItsDraftToAnyoneAndNothingKeepsTheAnswer() {
        String slug = draft("first words");
        anonymous().get("/api/posts/" + slug).then().statusCode(404);
        JsonPath issued = preview(slug);
        String token = issued.getString("token");
        assertThat(issued.getString("url")).endsWith("/api/posts/" + slug + "?preview=" + token);
        assertThat(Instant.parse(issued.getString("expiresAt"))).isBetween(clock.instant().plus(Duration.ofMinutes(59)),
                clock.instant().plus(Duration.ofMinutes(61)));

        anonymous().get("/api/posts/" + slug + "?preview=" + token).then().statusCode(200)
                .header("Cache-Control", "private, no-store").body("markdown", equalTo("first words"))
                .body("status", equalTo("draft"));
        // A draft edit announces nothing to the cache: a kept answer would now be stale.
        editor().contentType("application/merge-patch+json").body(Map.of("markdown", "second words"))
                .patch("/api/posts/" + slug).then().statusCode(200);
        anonymous().get("/api/posts/" + slug + "?preview=" + token).then().statusCode(200)
                .header("Cache-Control", "private, no-store").body("markdown", equalTo("second words"));
        anonymous().get("/api/posts/" + slug).then().statusCode(404);
    }

    @Test
    void aTokenOpensNoOtherPostAndAForgedOneNothing() {
        String mine = draft("mine");
        String other = draft("other");
        String token = preview(mine).getString("token");
        anonymous().get("/api/posts/" + other + "?preview=" + token).then().statusCode(404)
                .body(org.hamcrest.Matchers.not(containsString("other")));

        String[] parts = token.split("\\.");
        String otherToken = preview(other).getString("token");
        String swapped = parts[0] + "." + otherToken.split("\\.")[1] + "." + parts[2]; // other's payload, mine's signature
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 1;
        String flipped = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        for (String forged : new String[] {swapped, flipped, "v1.abc.def", "nonsense", "v2." + parts[1] + "." + parts[2]}) {
            anonymous().get("/api/posts/" + other + "?preview=" + forged).then().statusCode(401)
                    .contentType("application/problem+json").body(org.hamcrest.Matchers.not(containsString("other")));
        }
        anonymous().post("/api/posts/" + mine + "/preview").then().statusCode(401);
        editor().post("/api/posts/no-such-post/preview").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aTokenExpiresAndFollowsARename() {
        String slug = draft("soon");
        String token = preview(slug).getString("token");
        editor().contentType("application/merge-patch+json").body(Map.of("slug", slug + "-renamed"))
                .patch("/api/posts/" + slug).then().statusCode(200);
        anonymous().redirects().follow(false).get("/api/posts/" + slug + "?preview=" + token).then().statusCode(301)
                .header("Location", endsWith("/api/posts/" + slug + "-renamed?preview=" + token));
        anonymous().get("/api/posts/" + slug + "-renamed?preview=" + token).then().statusCode(200);

        clock.advance(Duration.ofMinutes(61));
        anonymous().get("/api/posts/" + slug + "-renamed?preview=" + token).then().statusCode(401)
                .body("detail", containsString("expired"));
    }
}
