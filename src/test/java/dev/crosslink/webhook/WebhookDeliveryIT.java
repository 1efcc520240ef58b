package dev.crosslink.webhook;

import dev.crosslink.Http;
import dev.crosslink.ItDatabase;
import dev.crosslink.ServerProcess;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CONTRACT section 11 with real processes: deliveries pending when the server is killed with -9 all
 * arrive after it restarts, and two PostgreSQL nodes on one database send each event once.
 */
class WebhookDeliveryIT {

    private static final String TOKEN = ServerProcess.ADMIN_TOKEN;

    private static Map<String, String> env(ItDatabase db) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("CMS_AUTH_ADMIN_TOKEN", TOKEN);
        env.put("CMS_WEBHOOKS_ALLOW_PRIVATE", "true");
        env.put("CMS_WEBHOOKS_INITIAL_BACKOFF", "100ms");
        env.put("CMS_WEBHOOKS_MAX_BACKOFF", "1s");
        env.put("CMS_WEBHOOKS_TIMEOUT", "2s");
        env.put("CMS_WEBHOOKS_POLL_INTERVAL", "200ms");
        return env;
    }

    private static void register(ServerProcess node, String url) {
        HttpResponseCheck.created(Http.send(Http.json(node.uri("/api/webhooks"), TOKEN, "POST",
                "{\"url\": \"" + url + "\", \"events\": [\"post.published\"]}")));
    }

    private static String publish(ServerProcess node, String title) {
        var answer = Http.send(Http.json(node.uri("/api/posts"), TOKEN, "POST",
                "{\"title\": \"" + title + "\", \"markdown\": \"Told.\", \"status\": \"published\"}"));
        HttpResponseCheck.created(answer);
        return JsonPath.from(answer.body()).getString("slug");
    }

    @Test
    void deliveriesPendingAtAKillDashNineAllArriveAfterTheRestart() throws Exception {
        ItDatabase db = ItDatabase.fresh("webhook-crash");
        AtomicBoolean up = new AtomicBoolean();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer("/crash", n -> up.get() ? 200 : 503);
            List<String> slugs = new ArrayList<>();
            try (ServerProcess server = new ServerProcess("webhook-crash-1", db.workDir(), env(db)).start()) {
                server.awaitReady(Duration.ofSeconds(60));
                register(server, receiver.url("/crash"));
                for (int i = 0; i < 30; i++) {
                    slugs.add(publish(server, "Crash told " + i));
                }
                receiver.await("/crash", 1, r -> true); // the worker is at it, failing
                server.kill();
            }
            Instant restarted = Instant.now();
            up.set(true);
            try (ServerProcess again = new ServerProcess("webhook-crash-2", db.workDir(), env(db)).start()) {
                again.awaitReady(Duration.ofSeconds(60));
                for (String slug : slugs) {
                    receiver.await("/crash", 1, r -> r.at().isAfter(restarted) && r.body().contains("\"slug\":\"" + slug + "\""));
                }
            }
        }
    }

    @Test
    void twoPostgresNodesSendEachEventOnce() throws Exception {
        assumeTrue(ServerProcess.postgres(), "two nodes need the PostgreSQL build (H2 is a single node by nature)");
        ItDatabase db = ItDatabase.fresh("webhook-nodes");
        try (WebhookReceiver receiver = new WebhookReceiver();
             ServerProcess a = new ServerProcess("webhook-node-a", db.workDir(), env(db)).start();
             ServerProcess b = new ServerProcess("webhook-node-b", db.workDir(), env(db)).start()) {
            a.awaitReady(Duration.ofSeconds(60));
            b.awaitReady(Duration.ofSeconds(60));
            register(a, receiver.url("/nodes"));
            List<String> slugs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                slugs.add(publish(i % 2 == 0 ? a : b, "Told once " + i));
            }
            receiver.await("/nodes", 40, r -> true);
            Thread.sleep(2000); // a second copy would have come by now: both nodes poll every 200 ms
            List<WebhookReceiver.Received> got = receiver.at("/nodes");
            assertThat(got).hasSize(40);
            assertThat(got.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(40);
            for (String slug : slugs) {
                assertThat(got.stream().filter(r -> r.body().contains("\"slug\":\"" + slug + "\""))).as(slug).hasSize(1);
            }
        }
    }

    /** What a setup request must answer. */
    private static final class HttpResponseCheck {
        static void created(java.net.http.HttpResponse<String> answer) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
    }
}
