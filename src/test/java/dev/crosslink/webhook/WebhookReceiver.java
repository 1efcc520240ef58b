package dev.crosslink.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * A real HTTP receiver on a free loopback port, as a webhook consumer runs one: it records every
 * request and answers each path as the test says (by how many requests that path has had).
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, Map<String, String> headers, String body, Instant at) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, IntUnaryOperator> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    WebhookReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new java.util.HashMap<>();
            request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
            String path = request.path();
            received.add(new Received(path, headers, body.toString(StandardCharsets.UTF_8), Instant.now()));
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            request.response().setStatusCode(answers.getOrDefault(path, i -> 204).applyAsInt(n)).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** How the path answers its n-th request (from 1). */
    void answer(String path, IntUnaryOperator status) {
        answers.put(path, status);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until the path has had at least n requests matching, and returns them. */
    List<Received> await(String path, int n, Predicate<Received> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Received> found = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            found = at(path).stream().filter(matching).toList();
            if (found.size() >= n) {
                return found;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("expected " + n + " requests at " + path + ", got " + found.size() + ": " + at(path));
    }

    /** The test's own reading of Standard Webhooks: HMAC-SHA256 of id.timestamp.body under the secret's key. */
    static boolean verify(Received request, String secret) throws Exception {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false; // the specification's tolerance
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        for (String signature : signatures.split(" ")) {
            if (signature.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
