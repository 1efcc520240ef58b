package dev.crosslink;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/quarkus-app/quarkus-run.jar}) as a child process, for tests that
 * need what one JVM cannot show: a kill -9, or two nodes on one database. Its output goes to
 * {@code target/it-logs/<name>.log}.
 */
public final class ServerProcess implements AutoCloseable {

    /** An admin token long enough for any rule on configured tokens. */
    public static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdefghijklmnopqrstuvwxyz";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path workDir;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    public ServerProcess(String name, Path workDir, Map<String, String> env) {
        this.name = name;
        this.workDir = workDir;
        this.env = new HashMap<>(env);
        this.port = freePort();
        this.log = Path.of("target", "it-logs", name + ".log").toAbsolutePath();
    }

    /** Which database the jar under test was built for (the build switch of README and pom). */
    public static String dbKind() {
        return System.getProperty("crosslink.db-kind", "h2");
    }

    public static boolean postgres() {
        return dbKind().startsWith("postgres");
    }

    public ServerProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        Files.createDirectories(workDir);
        Path jar = Path.of(System.getProperty("crosslink.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No packaged server at " + jar + ": run these tests through 'mvnw verify'");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())); // this run only
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_LOG_CONSOLE_COLOR", "false");
        builder.environment().putAll(env);
        process = builder.start();
        return this;
    }

    /** Waits until /q/health/ready answers 200. */
    public ServerProcess awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + within + "; see " + log);
    }

    /** Waits for a server that is expected to give up on its own; its exit code. */
    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still runs after " + within + "; see " + log);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
