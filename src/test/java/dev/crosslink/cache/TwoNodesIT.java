package dev.crosslink.cache;

import dev.crosslink.Http;
import dev.crosslink.ItDatabase;
import dev.crosslink.ServerProcess;
import dev.crosslink.TcpProxy;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CONTRACT section 9, "More than one node": two packaged PostgreSQL nodes on one database, started
 * at the same moment on an empty schema, behind no load balancer but the test itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final Pattern PRINTED_TOKEN = Pattern.compile("CMS admin token: (\\S+)");

    private static ItDatabase db;
    private static ServerProcess a;
    private static ServerProcess b;
    private static String token;
    /** Node B's LISTEN connection goes through this, so a test can make B hear of writes late. */
    private static TcpProxy listenLink;

    @BeforeAll
    static void startTwinsAtOnce() throws Exception {
        assumeTrue(ServerProcess.postgres(), "two nodes need the PostgreSQL build (H2 is a single node by nature)");
        db = ItDatabase.fresh("nodes");
        Map<String, String> env = new HashMap<>(db.env()); // no admin token configured: one must be made, once
        listenLink = new TcpProxy(ItDatabase.server().getHost(), ItDatabase.server().getPort());
        Map<String, String> envB = new HashMap<>(env);
        envB.put("CMS_CACHE_LISTEN_URL", env.get("QUARKUS_DATASOURCE_JDBC_URL")
                .replaceFirst("//[^/]+/", "//127.0.0.1:" + listenLink.port() + "/"));
        a = new ServerProcess("node-a", db.workDir().resolve("a"), env).start();
        b = new ServerProcess("node-b", db.workDir().resolve("b"), envB).start();
        a.awaitReady(Duration.ofSeconds(90));
        b.awaitReady(Duration.ofSeconds(90));
        List<String> printed = new ArrayList<>();
        for (ServerProcess node : List.of(a, b)) {
            Matcher m = PRINTED_TOKEN.matcher(node.log());
            while (m.find()) {
                printed.add(m.group(1));
            }
        }
        assertThat(printed).as("admin tokens printed by the two nodes").hasSize(1);
        token = printed.get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (listenLink != null) {
            listenLink.close();
        }
    }

    @Test
    @Order(1)
    void migrationsRanOnceAndOneAdminTokenWasMade() throws Exception {
        assertThat(db.count("select count(*) from flyway_schema_history where success and version is not null"))
                .isEqualTo(db.count("select count(distinct version) from flyway_schema_history where version is not null"));
        assertThat(db.count("select count(*) from api_token where role = 'admin'")).isEqualTo(1);
        assertThat(Http.get(a.uri("/api/tokens"), token).statusCode()).isEqualTo(200);
        assertThat(Http.get(b.uri("/api/tokens"), token).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aWriteOnOneNodeIsSeenByTheOthersNextRequest() throws Exception {
        String category = "cat-" + suffix();
        // B has answered (and cached) everything before the write.
        long listedBefore = total(b, "/api/posts");
        HttpResponse<String> rss = Http.get(b.uri("/rss"), null);
        String rssEtag = rss.headers().firstValue("ETag").orElseThrow();
        Http.get(b.uri("/api/posts"), null);
        Http.get(b.uri("/api/graph"), null);

        assertThat(Http.send(Http.json(a.uri("/api/categories"), token, "POST", "{\"name\": \"Category " + category + "\", \"slug\": \""
                + category + "\"}")).statusCode()).isEqualTo(201);
        assertThat(Http.get(b.uri("/api/categories/" + category), null).body()).contains("\"postCount\":0");
        String slug = "fresh-" + suffix();
        assertThat(Http.send(Http.json(a.uri("/api/posts"), token, "POST", "{\"title\": \"Fresh " + slug + "\", \"slug\": \"" + slug
                + "\", \"markdown\": \"See [home](/blog/" + slug + ").\", \"status\": \"published\", \"category\": \"" + category
                + "\"}")).statusCode()).isEqualTo(201);

        assertThat(Http.get(b.uri("/api/posts/" + slug), null).statusCode()).isEqualTo(200);
        assertThat(total(b, "/api/posts")).isEqualTo(listedBefore + 1);
        assertThat(Http.get(b.uri("/api/posts?size=5"), null).body()).contains("\"slug\":\"" + slug + "\"");
        assertThat(Http.get(b.uri("/api/categories/" + category), null).body()).contains("\"postCount\":1");
        HttpResponse<String> rssAfter = Http.send(Http.request(b.uri("/rss"), null).header("If-None-Match", rssEtag).GET().build());
        assertThat(rssAfter.statusCode()).isEqualTo(200);
        assertThat(rssAfter.body()).contains("Fresh " + slug);
        assertThat(Http.get(b.uri("/api/graph"), null).body()).contains("\"post:" + slug + "\"");

        // an update and a delete on A, seen on B at once too
        assertThat(Http.send(Http.json(a.uri("/api/posts/" + slug), token, "PATCH", "{\"title\": \"Renamed " + slug + "\"}"))
                .statusCode()).isEqualTo(200);
        assertThat(Http.get(b.uri("/api/posts/" + slug), null).body()).contains("Renamed " + slug);
        assertThat(Http.send(Http.request(a.uri("/api/posts/" + slug), token).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(Http.get(b.uri("/api/posts/" + slug), null).statusCode()).isEqualTo(404);
        assertThat(total(b, "/api/posts")).isEqualTo(listedBefore);
    }

    /**
     * The same guarantee when node B hears of writes late: its LISTEN connection goes through a
     * proxy that holds every reply for 300 ms. A write on A is acknowledged only once B has
     * confirmed it dropped its cache, so B's very next request cannot answer from the old cache.
     * (Before acknowledgements, A answered as soon as it heard its own notification, and B served
     * the old post here.)
     */
    @Test
    @Order(2)
    void aWriteIsSeenByANodeThatHearsOfItLate() throws Exception {
        String slug = "late-" + suffix();
        assertThat(Http.send(Http.json(a.uri("/api/posts"), token, "POST", "{\"title\": \"Late 0\", \"slug\": \"" + slug
                + "\", \"markdown\": \"x\", \"status\": \"published\"}")).statusCode()).isEqualTo(201);
        listenLink.delayReplies(Duration.ofMillis(300));
        try {
            for (int round = 1; round <= 5; round++) {
                assertThat(Http.get(b.uri("/api/posts/" + slug), null).body()).contains("Late " + (round - 1)); // cached on B
                assertThat(Http.send(Http.json(a.uri("/api/posts/" + slug), token, "PATCH",
                        "{\"title\": \"Late " + round + "\"}")).statusCode()).isEqualTo(200);
                assertThat(Http.get(b.uri("/api/posts/" + slug), null).body()).as("round %d", round)
                        .contains("\"title\":\"Late " + round + "\"");
            }
        } finally {
            listenLink.delayReplies(Duration.ZERO);
        }
    }

    @Test
    @Order(3)
    void aScheduledPostGoesPublicOnBothNodesAtItsInstant() throws Exception {
        String slug = "scheduled-" + suffix();
        Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        assertThat(Http.send(Http.json(a.uri("/api/posts"), token, "POST", "{\"title\": \"Later\", \"slug\": \"" + slug
                + "\", \"markdown\": \"soon\", \"status\": \"scheduled\", \"publishedAt\": \"" + at + "\"}")).statusCode()).isEqualTo(201);
        for (ServerProcess node : List.of(a, b)) { // cached while still private
            assertThat(Http.get(node.uri("/api/posts?size=100"), null).body()).doesNotContain(slug);
            assertThat(Http.get(node.uri("/api/posts/" + slug), null).statusCode()).isEqualTo(404);
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()) + 1_000);
        for (ServerProcess node : List.of(a, b)) {
            assertThat(Http.get(node.uri("/api/posts?size=100"), null).body()).as(node.name()).contains("\"slug\":\"" + slug + "\"");
            assertThat(Http.get(node.uri("/api/posts/" + slug), null).statusCode()).as(node.name()).isEqualTo(200);
            assertThat(Http.get(node.uri("/rss"), null).body()).as(node.name()).contains("/blog/" + slug);
        }
    }

    @Test
    @Order(4)
    void ifMatchRacesAcrossNodesHaveOneWinnerAndOne412() throws Exception {
        String slug = "race-" + suffix();
        assertThat(Http.send(Http.json(a.uri("/api/posts"), token, "POST", "{\"title\": \"Race\", \"slug\": \"" + slug
                + "\", \"markdown\": \"0\"}")).statusCode()).isEqualTo(201);
        for (int round = 0; round < 5; round++) {
            String etag = Http.get(b.uri("/api/posts/" + slug), token).headers().firstValue("ETag").orElseThrow();
            int r = round;
            List<HttpResponse<String>> answers = Http.race(2, i -> Http.request((i == 0 ? a : b).uri("/api/posts/" + slug), token)
                    .header("Content-Type", "application/json").header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"Round " + r + " node " + i + "\", \"markdown\": \"" + r + "\"}"))
                    .build());
            assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList())
                    .as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList()).containsExactly(200, 412);
        }
    }

    @Test
    @Order(5)
    void sameTitleCreatesOverBothNodesAllSucceedWithDistinctSlugs() throws Exception {
        String title = "Twin title " + suffix();
        List<HttpResponse<String>> answers = Http.race(10, i -> Http.json((i % 2 == 0 ? a : b).uri("/api/posts"), token, "POST",
                "{\"title\": \"" + title + "\", \"markdown\": \"" + i + "\", \"tags\": [\"twin-" + title.hashCode() + "\"]}"));
        assertThat(answers).allSatisfy(x -> assertThat(x.statusCode()).as(x.body()).isEqualTo(201));
        Set<String> slugs = answers.stream().map(x -> JsonPath.from(x.body()).getString("slug")).collect(Collectors.toSet());
        assertThat(slugs).hasSize(10);
    }

    @Test
    @Order(6)
    void killingOneNodeWhileBothTakeWritesLosesNoAcknowledgedWrite() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        String run = suffix();
        for (int w = 0; w < 8; w++) {
            ServerProcess node = w % 2 == 0 ? a : b;
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        HttpResponse<String> x = Http.send(Http.json(node.uri("/api/posts"), token, "POST", "{\"title\": \"Kill " + run
                                + " " + writer + " " + i + "\", \"markdown\": \"x\", \"status\": \"published\"}"));
                        if (x.statusCode() == 201) {
                            acknowledged.add(JsonPath.from(x.body()).getString("slug"));
                        }
                    } catch (RuntimeException e) {
                        if (node == a) {
                            return; // A is gone; B's writers go on
                        }
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        a.kill();
        int atKill = acknowledged.size();
        while (acknowledged.size() < atKill + 20 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(atKill + 20);
        List<String> missing = acknowledged.stream()
                .filter(slug -> Http.get(b.uri("/api/posts/" + slug), null).statusCode() != 200).toList();
        assertThat(missing).as("acknowledged by either node, missing on the survivor").isEmpty();
    }

    private static long total(ServerProcess node, String path) {
        return JsonPath.from(Http.get(node.uri(path), null).body()).getLong("totalItems");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
