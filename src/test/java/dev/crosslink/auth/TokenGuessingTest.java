package dev.crosslink.auth;

import dev.crosslink.Api;
import dev.crosslink.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A client that keeps sending bad tokens is answered 429 with Retry-After, its good token too, until
 * the block is over (CONTRACT section 4); the failures are logged, rate-limited, never with a token.
 * Time is moved, not waited for.
 */
@QuarkusTest
@TestProfile(TokenGuessingTest.FewAttempts.class)
class TokenGuessingTest {

    public static class FewAttempts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.auth.failures.limit", "5", "cms.auth.failures.window", "1m", "cms.auth.failures.block", "2m");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }
    }

    @Inject
    MovableClock clock;

    @Test
    void guessingIsStoppedWith429UntilTheBlockIsOver() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.crosslink.auth");
        logger.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                RestAssured.given().header("Authorization", "Bearer guess-" + i + "-secretvalue")
                        .get("/api/tokens").then().statusCode(401);
            }
            var blocked = RestAssured.given().header("Authorization", "Bearer guess-5-secretvalue").get("/api/tokens")
                    .then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
            long retryAfter = Long.parseLong(blocked.extract().header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 120L);
            // the right token is refused too while the block lasts: a guess that hits tells nothing
            Api.admin().get("/api/tokens").then().statusCode(429);
            // anonymous reads are not affected
            RestAssured.given().get("/api/posts").then().statusCode(200);

            clock.advance(Duration.ofSeconds(retryAfter + 1));
            Api.admin().get("/api/tokens").then().statusCode(200);
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("bad bearer token"));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("429"));
        assertThat(logged).as("rate-limited: not one line per failure").hasSizeLessThan(4);
        assertThat(logged).noneSatisfy(line -> assertThat(line).contains("secretvalue"));
        assertThat(logged).noneSatisfy(line -> assertThat(line).contains(Api.ADMIN_TOKEN));
    }
}
