package dev.crosslink.database;

import dev.crosslink.Http;
import dev.crosslink.ItDatabase;
import dev.crosslink.ServerProcess;
import dev.crosslink.TcpProxy;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CONTRACT section 4: while the database cannot be reached, 503 problem+json with Retry-After and a
 * readiness check that is down; service comes back by itself when the database does.
 */
class DatabaseOutageIT {

    @Test
    void anOutageIs503UntilTheDatabaseIsBackThenServiceResumesWithoutARestart() throws Exception {
        assumeTrue(ServerProcess.postgres(), "the embedded H2 database cannot go away from its own process");
        ItDatabase db = ItDatabase.fresh("outage");
        URI pg = ItDatabase.server();
        try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort())) {
            Map<String, String> env = db.envThrough(proxy.port());
            env.put("CMS_AUTH_ADMIN_TOKEN", ServerProcess.ADMIN_TOKEN);
            try (ServerProcess node = new ServerProcess("outage", db.workDir(), env).start()) {
                node.awaitReady(Duration.ofSeconds(60));
                assertThat(Http.get(node.uri("/api/posts"), null).statusCode()).isEqualTo(200);

                proxy.cut();
                HttpResponse<String> down = eventually(() -> Http.get(node.uri("/api/posts"), null), 503);
                assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(down.headers().firstValue("Retry-After")).isPresent();
                assertThat(down.body()).doesNotContain("Exception").doesNotContain("SQL");
                HttpResponse<String> write = Http.send(Http.json(node.uri("/api/posts"), ServerProcess.ADMIN_TOKEN, "POST",
                        "{\"title\": \"During the outage\", \"markdown\": \"x\"}"));
                assertThat(write.statusCode()).isEqualTo(503);
                assertThat(write.headers().firstValue("Retry-After")).isPresent();
                eventually(() -> Http.get(node.uri("/q/health/ready"), null), 503);

                proxy.resume();
                eventually(() -> Http.get(node.uri("/q/health/ready"), null), 200);
                eventually(() -> Http.get(node.uri("/api/posts"), null), 200);
                assertThat(Http.send(Http.json(node.uri("/api/posts"), ServerProcess.ADMIN_TOKEN, "POST",
                        "{\"title\": \"After the outage\", \"markdown\": \"x\"}")).statusCode()).isEqualTo(201);
            }
        }
    }

    private static HttpResponse<String> eventually(Supplier<HttpResponse<String>> call, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("expected " + status + " within 45 s, last " + (last == null ? "none" : last.statusCode() + " "
                + last.body()));
    }
}
