package dev.crosslink.database;

import dev.crosslink.Http;
import dev.crosslink.ItDatabase;
import dev.crosslink.ServerProcess;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT section 9: a write answered 2xx survives a kill -9 of the server at any moment. Eight
 * clients create posts over HTTP; once 100 creates were acknowledged the server is killed while the
 * writers are still sending, then started again on the same files, and every acknowledged post must
 * be there.
 */
class CrashDurabilityIT {

    @Test
    void everyAcknowledgedPostSurvivesKillDashNine() throws Exception {
        ItDatabase db = ItDatabase.fresh("crash");
        Map<String, String> env = new java.util.HashMap<>(db.env());
        env.put("CMS_AUTH_ADMIN_TOKEN", ServerProcess.ADMIN_TOKEN);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        long started;
        long killedAt;
        try (ServerProcess server = new ServerProcess("crash-1", db.workDir(), env).start()) {
            server.awaitReady(Duration.ofSeconds(60));
            ExecutorService writers = Executors.newFixedThreadPool(8);
            started = System.nanoTime();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            HttpResponse<String> answer = Http.send(Http.json(server.uri("/api/posts"), ServerProcess.ADMIN_TOKEN, "POST",
                                    "{\"title\": \"Crash " + writer + "-" + i + "\", \"markdown\": \"Writer **" + writer
                                            + "**, post " + i + ".\", \"status\": \"published\", \"tags\": [\"crash-" + (i % 5) + "\"]}"));
                            if (answer.statusCode() == 201) {
                                acknowledged.add(JsonPath.from(answer.body()).getString("slug"));
                            }
                        } catch (RuntimeException e) {
                            return; // the server is gone: nothing more can be acknowledged
                        }
                    }
                });
            }
            while (acknowledged.size() < 100 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(5);
            }
            killedAt = System.nanoTime();
            server.kill(); // mid-flight: the writers still have requests open
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        double seconds = (killedAt - started) / 1e9;
        System.out.printf("crash test: %d creates acknowledged in %.2f s (%.0f posts/s over 8 clients) before kill -9%n",
                acknowledged.size(), seconds, acknowledged.size() / seconds);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(100);

        try (ServerProcess again = new ServerProcess("crash-2", db.workDir(), env).start()) {
            again.awaitReady(Duration.ofSeconds(60));
            List<String> missing = new ArrayList<>();
            for (String slug : acknowledged) {
                if (Http.get(again.uri("/api/posts/" + slug), ServerProcess.ADMIN_TOKEN).statusCode() != 200) {
                    missing.add(slug);
                }
            }
            assertThat(missing).as("acknowledged before the kill, gone after it").isEmpty();
            long listed = JsonPath.from(Http.get(again.uri("/api/posts?size=1"), null).body()).getLong("totalItems");
            assertThat(listed).isGreaterThanOrEqualTo(acknowledged.size());

            // A burst, then the kill the instant the last one was acknowledged: nothing may still be in flight.
            acknowledged.clear();
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> answer = Http.send(Http.json(again.uri("/api/posts"), ServerProcess.ADMIN_TOKEN, "POST",
                        "{\"title\": \"Burst " + i + "\", \"markdown\": \"burst\"}"));
                assertThat(answer.statusCode()).isEqualTo(201);
                acknowledged.add(JsonPath.from(answer.body()).getString("slug"));
            }
            again.kill();
        }
        try (ServerProcess third = new ServerProcess("crash-3", db.workDir(), env).start()) {
            third.awaitReady(Duration.ofSeconds(60));
            List<String> missing = acknowledged.stream()
                    .filter(slug -> Http.get(third.uri("/api/posts/" + slug), ServerProcess.ADMIN_TOKEN).statusCode() != 200).toList();
            assertThat(missing).as("acknowledged just before the kill, gone after it").isEmpty();
        }
    }
}
